package io.rollcall.webhooks;

import io.rollcall.database.DatabaseReady;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers pending webhook events on a timer. The delivery position lives in the database, so
 * deliveries resume after a restart where they stopped; a node that stops mid-request leaves the
 * event undelivered, and it is sent again (at least once).
 */
@Singleton
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** Events delivered per tenant and tick, so one busy tenant cannot starve the others. */
  static final int PER_TENANT_AND_TICK = 200;

  @Resource TimerService timers;
  @Inject WebhookService webhooks;

  @Inject
  @ConfigProperty(name = "rollcall.webhooks.interval", defaultValue = "PT5S")
  String interval;

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    long millis = Duration.parse(interval).toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("webhook-dispatch", false));
  }

  @Timeout
  void dispatch() {
    for (String tenantId : webhooks.tenantsWithWebhooks()) {
      try {
        int sent = 0;
        while (sent < PER_TENANT_AND_TICK && webhooks.deliverNext(tenantId)) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Webhook delivery for tenant " + tenantId + " failed", e);
      }
    }
  }
}
