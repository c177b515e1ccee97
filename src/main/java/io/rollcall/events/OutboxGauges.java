package io.rollcall.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.metrics.ScrapeTimeGauges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events committed with their change but not yet numbered by the relay: a number that stays near
 * zero, and grows when the relay falls behind or stops.
 */
@ApplicationScoped
public class OutboxGauges implements ScrapeTimeGauges {

  @Inject EventNumbering numbering;

  private final AtomicLong pending = new AtomicLong();
  private boolean registered;

  @Override
  public synchronized void refresh(MeterRegistry registry) {
    if (!registered) {
      Gauge.builder("rollcall.events.pending", pending, AtomicLong::get)
          .description("Committed events waiting in the outbox to be numbered")
          .baseUnit("events")
          .register(registry);
      registered = true;
    }
    pending.set(numbering.pendingCount());
  }
}
