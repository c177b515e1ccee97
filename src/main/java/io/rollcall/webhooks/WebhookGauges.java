package io.rollcall.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.rollcall.metrics.ScrapeTimeGauges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Each tenant's webhook backlog: committed events its receiver has not accepted yet. */
@ApplicationScoped
public class WebhookGauges implements ScrapeTimeGauges {

  @Inject WebhookService webhooks;

  private MultiGauge backlog;

  @Override
  public synchronized void refresh(MeterRegistry registry) {
    if (backlog == null) {
      backlog =
          MultiGauge.builder("rollcall.webhook.backlog")
              .description("Events committed but not yet delivered to the tenant's webhook")
              .baseUnit("events")
              .register(registry);
    }
    // Overwriting drops the rows of webhooks that were removed since the last scrape.
    backlog.register(
        webhooks.backlogs().entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("tenant", e.getKey()), e.getValue()))
            .toList(),
        true);
  }
}
