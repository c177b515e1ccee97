package io.rollcall.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.metrics.Metrics;
import io.rollcall.security.ScimClient;
import io.rollcall.tenant.ScimRateLimit;
import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.TestClock;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The node's limits as the SCIM filter uses them: each tenant setting means the right bucket, and
 * every refusal reaches the counters (the seam for metrics).
 */
class ScimRateLimitsTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
  private final RefusalCounts counts = new RefusalCounts();

  {
    counts.metrics = Metrics.standalone();
  }

  private ScimRateLimits limits(
      int defaultRate, int defaultBurst, int globalRate, int globalBurst) {
    ScimRateLimits limits = new ScimRateLimits();
    limits.defaultRequestsPerSecond = defaultRate;
    limits.defaultBurst = defaultBurst;
    limits.globalRequestsPerSecond = globalRate;
    limits.globalBurst = globalBurst;
    limits.clock = clock;
    limits.refusals = new Counted(counts);
    limits.start();
    return limits;
  }

  private static ScimClient client(String name, ScimRateLimit limit) {
    Tenant tenant = new Tenant(name, Instant.EPOCH);
    tenant.limitScimRequests(limit);
    return new ScimClient("token-" + name, "rcs_" + name, tenant);
  }

  @Test
  void eachSettingMeansItsLimit() {
    ScimRateLimits limits = limits(100, 1000, 0, 0);
    assertEquals(Optional.of(new Rate(100, 1000)), limits.effective(ScimRateLimit.DEFAULT));
    assertEquals(Optional.of(new Rate(5, 20)), limits.effective(ScimRateLimit.custom(5, 20)));
    assertEquals(Optional.empty(), limits.effective(ScimRateLimit.UNLIMITED));
  }

  @Test
  void aDefaultTenantFollowsTheConfiguredDefault() {
    ScimRateLimits limits = limits(1, 2, 0, 0);
    ScimClient client = client("t1", ScimRateLimit.DEFAULT);
    assertTrue(limits.admit(client).isEmpty());
    assertTrue(limits.admit(client).isEmpty());
    Refusal refusal = limits.admit(client).orElseThrow();
    assertEquals(new Rate(1, 2), refusal.rate());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(limits.admit(client).isEmpty());
  }

  @Test
  void everyRefusalIsCountedPerTenantAndPerKindOfLimit() {
    ScimRateLimits limits = limits(1, 1, 1, 3);
    ScimClient tight = client("tight", ScimRateLimit.custom(1, 1));
    ScimClient trusted = client("trusted", ScimRateLimit.UNLIMITED);
    assertTrue(limits.admit(tight).isEmpty());
    assertEquals(Refusal.Scope.TENANT, limits.admit(tight).orElseThrow().scope());
    assertEquals(Refusal.Scope.TENANT, limits.admit(tight).orElseThrow().scope());
    assertTrue(limits.admit(trusted).isEmpty());
    assertTrue(limits.admit(trusted).isEmpty());
    assertEquals(Refusal.Scope.SERVER, limits.admit(trusted).orElseThrow().scope());

    assertEquals(2, counts.ofTenant(tight.tenantId()));
    assertEquals(1, counts.ofTenant(trusted.tenantId()));
    assertEquals(0, counts.ofTenant("quiet"));
    assertEquals(2, counts.byScope(Refusal.Scope.TENANT));
    assertEquals(1, counts.byScope(Refusal.Scope.SERVER));
    String scrape = counts.metrics.scrape();
    assertTrue(
        scrape.contains(
            "rollcall_ratelimit_refusals_total{limit=\"tenant\",tenant=\""
                + tight.tenantId()
                + "\"} 2.0"),
        scrape);
    assertTrue(
        scrape.contains(
            "rollcall_ratelimit_refusals_total{limit=\"server\",tenant=\""
                + trusted.tenantId()
                + "\"} 1.0"),
        scrape);
  }

  @Test
  void aSettingBelowOneRequestStopsTheStart() {
    assertThrows(IllegalStateException.class, () -> limits(0, 10, 0, 0));
    assertThrows(IllegalStateException.class, () -> limits(10, 0, 0, 0));
    assertThrows(IllegalStateException.class, () -> limits(10, 10, 5, 0));
    assertThrows(IllegalStateException.class, () -> limits(10, 10, -1, 5));
  }

  /** Delivers each event to the counters, as the container would. */
  private record Counted(RefusalCounts counts) implements Event<ScimRequestRefused> {
    @Override
    public void fire(ScimRequestRefused event) {
      counts.count(event);
    }

    @Override
    public <U extends ScimRequestRefused> CompletionStage<U> fireAsync(U event) {
      fire(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends ScimRequestRefused> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<ScimRequestRefused> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends ScimRequestRefused> Event<U> select(
        Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ScimRequestRefused> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
