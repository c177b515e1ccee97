package io.rollcall.housekeeping;

import io.rollcall.database.DatabaseReady;
import io.rollcall.database.Leases;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.UserLifecycle;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases users who have been deactivated for longer than their tenant's {@code
 * eraseDeactivatedAfterDays}. Every node has a non-persistent timer; the first to tick takes the
 * cluster's lease for most of an interval, so one node does a tick's work. Should two ever run at
 * once (a lease outlived by a long run), each user is erased in a batch transaction that locks and
 * re-reads its row, so no one is erased twice. Runs outside any transaction: one batch's failure
 * rolls back that batch only.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeactivatedUserErasure {

  private static final Logger LOG = Logger.getLogger(DeactivatedUserErasure.class.getName());

  @Resource TimerService timers;
  @Inject TenantService tenants;
  @Inject UserLifecycle lifecycle;
  @Inject Leases leases;

  static final String LEASE = "deactivated-user-erasure";

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
  void tick() {
    if (leases.claim(LEASE, Leases.tickLease(Duration.parse(interval)))) {
      erase();
    }
  }

  void erase() {
    Instant now = Clock.systemUTC().instant();
    for (Tenant tenant : tenants.list()) {
      if (tenant.eraseDeactivatedDays().isEmpty()) {
        continue;
      }
      try {
        eraseFor(tenant, now.minus(Duration.ofDays(tenant.eraseDeactivatedDays().get())));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "Erasure for tenant " + tenant.id() + " stopped; next tick resumes", e);
      }
    }
  }

  private void eraseFor(Tenant tenant, Instant cutoff) {
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
