package io.rollcall.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges whose values live in the database, owned by the feature that owns the tables: they are
 * read once per scrape rather than kept up to date on every write, and every node of a cluster
 * reports the same cluster-wide value.
 */
public interface ScrapeTimeGauges {

  /** Reads the current values and registers or updates the gauges in {@code registry}. */
  void refresh(MeterRegistry registry);
}
