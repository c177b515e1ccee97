package io.rollcall.ratelimit;

import io.rollcall.database.DatabaseReady;
import io.rollcall.security.ScimClient;
import io.rollcall.tenant.ScimRateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SCIM API's rate limits on this node: each tenant's (its own, or the configured default, or
 * none) and the configured limit of all tenants together. The tenant's setting arrives with the
 * authenticated client, read by the same query that checked the token, so a check costs no query.
 */
@ApplicationScoped
public class ScimRateLimits {

  private static final Logger LOG = Logger.getLogger(ScimRateLimits.class.getName());

  @Inject
  @ConfigProperty(name = "rollcall.scim.rate-limit.requests-per-second", defaultValue = "100")
  int defaultRequestsPerSecond;

  @Inject
  @ConfigProperty(name = "rollcall.scim.rate-limit.burst", defaultValue = "1000")
  int defaultBurst;

  @Inject
  @ConfigProperty(
      name = "rollcall.scim.global-rate-limit.requests-per-second",
      defaultValue = "1000")
  int globalRequestsPerSecond;

  @Inject
  @ConfigProperty(name = "rollcall.scim.global-rate-limit.burst", defaultValue = "2000")
  int globalBurst;

  @Inject Event<ScimRequestRefused> refusals;

  Clock clock = Clock.systemUTC();

  private Rate defaultRate;
  private RateBuckets buckets;

  @PostConstruct
  void start() {
    defaultRate = rate("rollcall.scim.rate-limit", defaultRequestsPerSecond, defaultBurst);
    Optional<Rate> global =
        globalRequestsPerSecond == 0
            ? Optional.empty()
            : Optional.of(
                rate("rollcall.scim.global-rate-limit", globalRequestsPerSecond, globalBurst));
    buckets = new RateBuckets(global, clock);
    LOG.info(
        "SCIM rate limits on this node: "
            + defaultRate.describe()
            + " per tenant by default; "
            + global.map(Rate::describe).orElse("no limit")
            + " for all tenants together");
  }

  /** A bad setting fails the deployment rather than the first SCIM request. */
  void checkAtStart(@Observes DatabaseReady ready) {
    defaultRate();
  }

  /** The limit of tenants whose setting is "default". */
  public Rate defaultRate() {
    return defaultRate;
  }

  /** The limit a tenant's setting means on this node; empty for "unlimited". */
  public Optional<Rate> effective(ScimRateLimit setting) {
    return switch (setting.mode()) {
      case DEFAULT -> Optional.of(defaultRate);
      case CUSTOM -> Optional.of(new Rate(setting.requestsPerSecond(), setting.burst()));
      case UNLIMITED -> Optional.empty();
    };
  }

  /**
   * Takes a token for one request of the client's tenant; a refusal is announced as a {@link
   * ScimRequestRefused} event before it is returned.
   */
  public Optional<Refusal> admit(ScimClient client) {
    return admit(client, 1);
  }

  /**
   * Takes {@code tokens} more tokens for a request that does the work of several: each operation of
   * a {@code POST /Bulk} beyond the first (the first was taken when the request came in), so a bulk
   * request cannot do a thousand writes for the price of one.
   */
  public Optional<Refusal> admit(ScimClient client, long tokens) {
    Optional<Refusal> refusal =
        buckets.tryAcquire(client.tenantId(), effective(client.rateLimit()), tokens);
    refusal.ifPresent(
        r -> {
          LOG.log(
              Level.FINE,
              "SCIM request of tenant {0} refused: {1}",
              new Object[] {client.tenantId(), r});
          refusals.fire(new ScimRequestRefused(client.tenantId(), client.tokenPrefix(), r));
        });
    return refusal;
  }

  private static Rate rate(String setting, int requestsPerSecond, int burst) {
    if (requestsPerSecond < 1 || burst < 1) {
      throw new IllegalStateException(
          setting
              + ": requests-per-second and burst must be whole numbers of at least 1 (got "
              + requestsPerSecond
              + " and "
              + burst
              + ")");
    }
    return new Rate(requestsPerSecond, burst);
  }
}
