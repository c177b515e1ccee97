package io.rollcall.housekeeping;

import io.rollcall.database.DatabaseReady;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.UserLifecycle;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases users who have been deactivated for longer than their tenant's {@code
 * eraseDeactivatedAfterDays}. Idempotent, so a non-persistent timer on every node is enough.
 */
@Singleton
public class DeactivatedUserErasure {

  private static final Logger LOG = Logger.getLogger(DeactivatedUserErasure.class.getName());

  @Resource TimerService timers;
  @Inject TenantService tenants;
  @Inject UserLifecycle lifecycle;

  @Inject
  @ConfigProperty(name = "rollcall.erase.interval", defaultValue = "PT1H")
  String interval;

  @Inject
  @ConfigProperty(name = "rollcall.purge.initial-delay", defaultValue = "PT1M")
  String initialDelay;

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    timers.createIntervalTimer(
        Duration.parse(initialDelay).toMillis(),
        Duration.parse(interval).toMillis(),
        new TimerConfig("deactivated-user-erasure", false));
  }

  @Timeout
  void erase() {
    Instant now = Clock.systemUTC().instant();
    for (Tenant tenant : tenants.list()) {
      if (tenant.eraseDeactivatedDays().isEmpty()) {
        continue;
      }
      Instant cutoff = now.minus(Duration.ofDays(tenant.eraseDeactivatedDays().get()));
      int erased = 0;
      int batch;
      do {
        batch = lifecycle.eraseDeactivatedBefore(tenant.id(), cutoff);
        erased += batch;
      } while (batch == UserLifecycle.batchSize());
      if (erased > 0) {
        LOG.info(
            "Erased "
                + erased
                + " user(s) of tenant "
                + tenant.id()
                + " deactivated before "
                + cutoff);
      }
    }
  }
}
