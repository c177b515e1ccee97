package io.rollcall.housekeeping;

import io.rollcall.audit.AdminTrail;
import io.rollcall.audit.AuditLog;
import io.rollcall.database.DatabaseReady;
import io.rollcall.database.Leases;
import io.rollcall.security.AdminTokenService;
import io.rollcall.security.LoginThrottle;
import io.rollcall.security.TokenService;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
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
 * Deletes what has outlived its retention period: tokens that expired or were revoked longer ago
 * than {@code rollcall.tokens.retention} (SCIM and admin tokens), audit entries older than {@code
 * rollcall.audit.retention} (tenant by tenant, each delete on the tenant-and-time index), and admin
 * trail entries older than {@code rollcall.admin-trail.retention}, and the sign-in throttle's
 * failure counts once they are forgotten. Every node has a non-persistent interval timer (Payara
 * Micro keeps persistent timers only in its data grid); the first to tick takes the cluster's lease
 * for most of an interval, so one node does a tick's work. The deletes are idempotent, so two runs
 * at once would only repeat work. Runs outside any transaction: each delete commits on its own.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionPurge {

  private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

  @Resource TimerService timers;

  @Inject TokenService tokens;
  @Inject TenantService tenants;
  @Inject AuditLog audit;
  @Inject AdminTokenService adminTokens;
  @Inject AdminTrail adminTrail;
  @Inject LoginThrottle throttle;
  @Inject Leases leases;

  static final String LEASE = "retention-purge";

  @Inject
  @ConfigProperty(name = "rollcall.admin-trail.retention", defaultValue = "P365D")
  String adminTrailRetention;

  @Inject
  @ConfigProperty(name = "rollcall.tokens.retention", defaultValue = "P30D")
  String tokenRetention;

  @Inject
  @ConfigProperty(name = "rollcall.audit.retention", defaultValue = "P90D")
  String auditRetention;

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
        new TimerConfig("retention-purge", false));
  }

  /** Each purge runs on its own, so a failure of one never keeps the others from running. */
  @Timeout
  void tick() {
    if (leases.claim(LEASE, Leases.tickLease(Duration.parse(interval)))) {
      purge();
    }
  }

  void purge() {
    Instant now = Clock.systemUTC().instant();
    try {
      Instant cutoff = now.minus(Duration.parse(tokenRetention));
      int removed = tokens.purgeStale(cutoff) + adminTokens.purgeStale(cutoff);
      if (removed > 0) {
        LOG.info(
            "Purged "
                + removed
                + " token(s) expired or revoked more than "
                + tokenRetention
                + " ago");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Token purge failed", e);
    }
    try {
      Instant cutoff = now.minus(Duration.parse(auditRetention));
      int removed = 0;
      for (Tenant tenant : tenants.list()) {
        removed += audit.purgeBefore(tenant.id(), cutoff);
      }
      if (removed > 0) {
        LOG.info("Purged " + removed + " audit entries older than " + auditRetention);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit purge failed", e);
    }
    try {
      int removed = adminTrail.purgeBefore(now.minus(Duration.parse(adminTrailRetention)));
      if (removed > 0) {
        LOG.info("Purged " + removed + " admin trail entries older than " + adminTrailRetention);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Admin trail purge failed", e);
    }
    try {
      int removed = throttle.purgeForgotten();
      if (removed > 0) {
        LOG.info("Purged " + removed + " forgotten sign-in failure count(s)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sign-in failure purge failed", e);
    }
  }
}
