package io.rollcall.housekeeping;

import io.rollcall.audit.AuditLog;
import io.rollcall.platform.DatabaseReady;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
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
 * Deletes audit entries older than the retention period, tenant by tenant (each delete uses the
 * tenant-and-time index). Idempotent, so a non-persistent timer on every node, like {@link
 * TokenPurge}.
 */
@Singleton
public class AuditPurge {

  private static final Logger LOG = Logger.getLogger(AuditPurge.class.getName());

  @Resource TimerService timers;

  @Inject TenantService tenants;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "rollcall.audit.retention", defaultValue = "P90D")
  String retention;

  @Inject
  @ConfigProperty(name = "rollcall.purge.interval", defaultValue = "PT1H")
  String interval;

  @Inject
  @ConfigProperty(name = "rollcall.purge.initial-delay", defaultValue = "PT1M")
  String initialDelay;

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    timers.createIntervalTimer(
        Duration.parse(initialDelay).toMillis(),
        Duration.parse(interval).toMillis(),
        new TimerConfig("audit-purge", false));
  }

  @Timeout
  void purge() {
    Instant cutoff = Clock.systemUTC().instant().minus(Duration.parse(retention));
    int removed = 0;
    for (Tenant tenant : tenants.list()) {
      removed += audit.purgeBefore(tenant.id(), cutoff);
    }
    if (removed > 0) {
      LOG.info(
          "Purged "
              + removed
              + " audit entr"
              + (removed == 1 ? "y" : "ies")
              + " older than "
              + retention);
    }
  }
}
