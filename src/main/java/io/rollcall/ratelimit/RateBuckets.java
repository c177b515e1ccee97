package io.rollcall.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The token buckets of one node: one per tenant that has a limit, and one for all tenants together.
 * A request takes a token from its tenant's bucket first, then from the server's; a request the
 * server refuses gives its tenant's token back, so a busy server does not also drain the tenants.
 *
 * <p>A tenant's bucket is keyed by its limit as the request read it from the database: a changed
 * limit gets a new, full bucket on its first request, on every node, with no cache to expire. The
 * buckets are Bucket4j's lock-free local buckets, timed by {@code clock}, so the check is a few
 * compare-and-swaps and never touches the database.
 */
final class RateBuckets {

  private record TenantBucket(Rate rate, Bucket bucket) {}

  private final ConcurrentMap<String, TenantBucket> tenants = new ConcurrentHashMap<>();
  private final Optional<Rate> serverRate;
  private final Optional<Bucket> server;
  private final TimeMeter time;

  /**
   * @param serverRate the limit of all tenants together, or empty for none
   * @param clock what refills the buckets (a test moves it by hand)
   */
  RateBuckets(Optional<Rate> serverRate, Clock clock) {
    this.time = new ClockTime(clock);
    this.serverRate = serverRate;
    this.server = serverRate.map(this::bucket);
  }

  /**
   * Takes a token for one request of the tenant.
   *
   * @param tenantRate the tenant's limit, or empty for a tenant without one (only the server's
   *     limit applies)
   * @return the refusal, or empty when the request may go ahead
   */
  Optional<Refusal> tryAcquire(String tenantId, Optional<Rate> tenantRate) {
    return tryAcquire(tenantId, tenantRate, 1);
  }

  /**
   * Takes {@code tokens} tokens at once (a bulk request's operations), but never more than a bucket
   * holds: a request larger than the burst empties the bucket rather than never fitting.
   */
  Optional<Refusal> tryAcquire(String tenantId, Optional<Rate> tenantRate, long tokens) {
    Bucket tenant = null;
    long fromTenant = 0;
    if (tenantRate.isPresent()) {
      tenant = tenantBucket(tenantId, tenantRate.get());
      fromTenant = Math.min(tokens, tenantRate.get().burst());
      ConsumptionProbe probe = tenant.tryConsumeAndReturnRemaining(fromTenant);
      if (!probe.isConsumed()) {
        return Optional.of(refusal(Refusal.Scope.TENANT, tenantRate.get(), probe));
      }
    } else {
      tenants.remove(tenantId);
    }
    if (server.isPresent()) {
      ConsumptionProbe probe =
          server.get().tryConsumeAndReturnRemaining(Math.min(tokens, serverRate.get().burst()));
      if (!probe.isConsumed()) {
        if (tenant != null) {
          tenant.addTokens(fromTenant);
        }
        return Optional.of(refusal(Refusal.Scope.SERVER, serverRate.get(), probe));
      }
    }
    return Optional.empty();
  }

  /** Tenants with a bucket on this node (for tests and a later metrics endpoint). */
  int tenantBuckets() {
    return tenants.size();
  }

  private Bucket tenantBucket(String tenantId, Rate rate) {
    TenantBucket current = tenants.get(tenantId);
    if (current != null && current.rate().equals(rate)) {
      return current.bucket();
    }
    return tenants
        .compute(
            tenantId,
            (id, old) ->
                old != null && old.rate().equals(rate) ? old : new TenantBucket(rate, bucket(rate)))
        .bucket();
  }

  /**
   * A bucket that starts full with {@code burst} tokens and refills continuously ("greedy"), one
   * token every 1/{@code requestsPerSecond} seconds, so Retry-After is as short as it can be.
   */
  private Bucket bucket(Rate rate) {
    return Bucket.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(rate.burst())
                    .refillGreedy(rate.requestsPerSecond(), Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build();
  }

  private static Refusal refusal(Refusal.Scope scope, Rate rate, ConsumptionProbe probe) {
    long nanos = probe.getNanosToWaitForRefill();
    long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    return new Refusal(scope, rate, seconds);
  }

  /** Bucket4j's clock, read from a {@link Clock} so tests can move time. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
