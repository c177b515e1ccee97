package io.rollcall.database;

/**
 * Fired once the database schema is migrated at start-up. Timers schedule themselves on it, so none
 * runs a query against tables that do not exist yet.
 */
public record DatabaseReady() {}
