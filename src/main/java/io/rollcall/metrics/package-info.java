/**
 * Operational metrics in Prometheus' text format: the SCIM traffic per tenant, endpoint, method and
 * status with a latency histogram, refused credentials by reason, webhook delivery failures and
 * backlog, queue depths, and the JVM's own meters. Features count through {@link
 * io.rollcall.metrics.Metrics}; values that live in the database are read at scrape time by the
 * features that own them ({@link io.rollcall.metrics.ScrapeTimeGauges}). Tags are bounded: a tenant
 * id at most, never a user, a filter or a path with an id in it.
 */
package io.rollcall.metrics;
