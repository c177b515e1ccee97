package io.rollcall.events;

/** Fired inside a transaction that wrote events of the tenant; observed after it commits. */
public record EventsWritten(String tenantId) {}
