package io.rollcall.housekeeping;

import io.rollcall.platform.DatabaseReady;
import io.rollcall.security.TokenService;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes tokens that expired or were revoked longer ago than the retention period. A
 * non-persistent interval timer on every node: the purge is idempotent, and Payara Micro keeps
 * persistent timers only in its data grid.
 */
@Singleton
public class TokenPurge {

  private static final Logger LOG = Logger.getLogger(TokenPurge.class.getName());

  @Resource TimerService timers;

  @Inject TokenService tokens;

  @Inject
  @ConfigProperty(name = "rollcall.tokens.retention", defaultValue = "P30D")
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
        new TimerConfig("token-purge", false));
  }

  @Timeout
  void purge() {
    int removed = tokens.purgeStale(Clock.systemUTC().instant().minus(Duration.parse(retention)));
    if (removed > 0) {
      LOG.info(
          "Purged " + removed + " token(s) expired or revoked more than " + retention + " ago");
    }
  }
}
