package io.rollcall.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's meters. Counters and timers are per node (Prometheus scrapes every node and sums);
 * the database-backed gauges are cluster-wide and read at scrape time.
 */
@ApplicationScoped
public class Metrics {

  /** Prometheus' text exposition format, version 0.0.4: what every scraper reads. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * Latency buckets of the SCIM request histogram: a dozen fixed bounds rather than a percentile
   * histogram's seventy, since each tenant × endpoint × method × status has its own set.
   */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

  @Inject Instance<ScrapeTimeGauges> scrapeTimeGauges;

  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;

  /** A node's meters outside the container (unit tests), with no database-backed gauges. */
  public static Metrics standalone() {
    Metrics metrics = new Metrics();
    metrics.start();
    return metrics;
  }

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  @PreDestroy
  void stop() {
    gc.close();
    registry.close();
  }

  /** For features that register gauges over their own state (a queue's depth, say). */
  public MeterRegistry registry() {
    return registry;
  }

  /** One SCIM request answered to a tenant's client. */
  public void scimRequest(
      String tenantId, String endpoint, String method, int status, long durationNanos) {
    Timer.builder("rollcall.scim.requests")
        .description("SCIM requests answered to authenticated clients")
        .tag("tenant", tenantId)
        .tag("endpoint", endpoint)
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(durationNanos));
  }

  /**
   * Credentials refused. {@code plane} is scim, app or admin; {@code reason} one of a fixed set
   * (missing, malformed, unknown, revoked, expired, tenant_disabled, throttled, …).
   */
  public void credentialRefused(String plane, String reason) {
    Counter.builder("rollcall.auth.failures")
        .description("Credentials refused, by API plane and reason")
        .tag("plane", plane)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A webhook delivery attempt that the receiver did not accept. */
  public void webhookDeliveryFailed(String tenantId) {
    Counter.builder("rollcall.webhook.delivery.failures")
        .description("Webhook delivery attempts that failed (non-2xx, timeout, no connection)")
        .tag("tenant", tenantId)
        .register(registry)
        .increment();
  }

  /**
   * A SCIM request of {@code tenantId} answered 429; {@code limit} says whose bucket was empty:
   * {@code tenant} (its own) or {@code server} (all tenants together on this node).
   */
  public void rateLimited(String tenantId, String limit) {
    Counter.builder("rollcall.ratelimit.refusals")
        .description("SCIM requests answered 429 by a rate limit")
        .tag("tenant", tenantId)
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /** Everything, in Prometheus' text format, with the database-backed gauges read just now. */
  public String scrape() {
    for (ScrapeTimeGauges gauges :
        scrapeTimeGauges == null ? List.<ScrapeTimeGauges>of() : scrapeTimeGauges) {
      try {
        gauges.refresh(registry);
      } catch (RuntimeException e) {
        // A database that does not answer must not take the JVM's own meters down with it; the
        // gauges keep their last values and the failure shows in the server log.
        LOG.log(Level.WARNING, "Could not read " + gauges.getClass().getSimpleName(), e);
      }
    }
    return registry.scrape();
  }
}
