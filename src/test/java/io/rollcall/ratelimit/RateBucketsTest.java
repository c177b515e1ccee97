package io.rollcall.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The buckets on a clock the test moves: bursts, refill, Retry-After, and the two scopes. */
class RateBucketsTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));

  private static final Optional<Rate> NO_SERVER_LIMIT = Optional.empty();

  @Test
  void aFullBucketLetsTheBurstThroughThenRefuses() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    Optional<Rate> twoPerSecondBurstFive = Optional.of(new Rate(2, 5));
    for (int i = 0; i < 5; i++) {
      assertTrue(buckets.tryAcquire("t1", twoPerSecondBurstFive).isEmpty(), "request " + i);
    }
    Refusal refusal = buckets.tryAcquire("t1", twoPerSecondBurstFive).orElseThrow();
    assertEquals(Refusal.Scope.TENANT, refusal.scope());
    assertEquals(new Rate(2, 5), refusal.rate());
  }

  /** A bulk request pays one token per operation, but never more than a bucket holds. */
  @Test
  void aRequestOfSeveralOperationsTakesATokenForEachUpToTheBurst() {
    RateBuckets buckets = new RateBuckets(Optional.of(new Rate(1, 100)), clock);
    Optional<Rate> burstFive = Optional.of(new Rate(1, 5));

    assertTrue(buckets.tryAcquire("t1", burstFive, 3).isEmpty());
    Refusal refusal = buckets.tryAcquire("t1", burstFive, 3).orElseThrow();
    assertEquals(Refusal.Scope.TENANT, refusal.scope());
    assertEquals(1, refusal.retryAfterSeconds(), "one token is missing: a second");

    clock.advance(Duration.ofSeconds(5));
    assertTrue(buckets.tryAcquire("t1", burstFive, 999).isEmpty(), "a full bucket pays for any");
    assertTrue(buckets.tryAcquire("t1", burstFive).isPresent(), "and is empty after it");
    // The server's bucket paid 999 operations as its whole burst: other tenants wait too.
    assertEquals(
        Refusal.Scope.SERVER, buckets.tryAcquire("t2", Optional.empty(), 1).orElseThrow().scope());
  }

  @Test
  void tokensComeBackAtTheSustainedRate() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    Optional<Rate> rate = Optional.of(new Rate(2, 2));
    drain(buckets, "t1", rate);
    clock.advance(Duration.ofMillis(499));
    assertTrue(buckets.tryAcquire("t1", rate).isPresent(), "not yet half a second");
    clock.advance(Duration.ofMillis(1));
    assertTrue(buckets.tryAcquire("t1", rate).isEmpty(), "one token after half a second");
    assertTrue(buckets.tryAcquire("t1", rate).isPresent(), "and only one");
    clock.advance(Duration.ofSeconds(60));
    assertTrue(buckets.tryAcquire("t1", rate).isEmpty());
    assertTrue(buckets.tryAcquire("t1", rate).isEmpty());
    assertTrue(buckets.tryAcquire("t1", rate).isPresent(), "refill stops at the burst");
  }

  /**
   * Limits are at least one request a second, so the wait for the next token is at most a second;
   * Retry-After rounds it up and never says 0 (which would invite an immediate retry).
   */
  @Test
  void retryAfterIsTheWaitForOneTokenRoundedUpToWholeSeconds() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    Optional<Rate> slow = Optional.of(new Rate(1, 1));
    drain(buckets, "slow", slow);
    assertEquals(1, buckets.tryAcquire("slow", slow).orElseThrow().retryAfterSeconds());
    clock.advance(Duration.ofMillis(900));
    assertEquals(
        1,
        buckets.tryAcquire("slow", slow).orElseThrow().retryAfterSeconds(),
        "100 ms left is announced as one second");

    Optional<Rate> fast = Optional.of(new Rate(1000, 10));
    drain(buckets, "fast", fast);
    assertEquals(
        1,
        buckets.tryAcquire("fast", fast).orElseThrow().retryAfterSeconds(),
        "a millisecond's wait is announced as one second, never zero");
  }

  @Test
  void oneTenantsBurstLeavesAnotherTenantAlone() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    Optional<Rate> rate = Optional.of(new Rate(1, 3));
    drain(buckets, "noisy", rate);
    assertTrue(buckets.tryAcquire("noisy", rate).isPresent());
    assertTrue(buckets.tryAcquire("quiet", rate).isEmpty());
  }

  @Test
  void aTenantWithoutALimitIsNeverRefusedByItsOwnBucket() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(buckets.tryAcquire("trusted", Optional.empty()).isEmpty());
    }
    assertEquals(0, buckets.tenantBuckets(), "no bucket is kept for it");
  }

  @Test
  void aChangedLimitTakesEffectOnTheNextRequestWithAFullBucket() {
    RateBuckets buckets = new RateBuckets(NO_SERVER_LIMIT, clock);
    Optional<Rate> tight = Optional.of(new Rate(1, 2));
    drain(buckets, "t1", tight);
    assertTrue(buckets.tryAcquire("t1", tight).isPresent());
    Optional<Rate> raised = Optional.of(new Rate(1, 4));
    for (int i = 0; i < 4; i++) {
      assertTrue(buckets.tryAcquire("t1", raised).isEmpty(), "request " + i);
    }
    Refusal refusal = buckets.tryAcquire("t1", raised).orElseThrow();
    assertEquals(new Rate(1, 4), refusal.rate());
    assertEquals(1, buckets.tenantBuckets());
  }

  @Test
  void theServerLimitCoversAllTenantsTogether() {
    RateBuckets buckets = new RateBuckets(Optional.of(new Rate(1, 4)), clock);
    Optional<Rate> generous = Optional.of(new Rate(100, 100));
    assertTrue(buckets.tryAcquire("a", generous).isEmpty());
    assertTrue(buckets.tryAcquire("b", generous).isEmpty());
    assertTrue(buckets.tryAcquire("c", Optional.empty()).isEmpty());
    assertTrue(buckets.tryAcquire("d", generous).isEmpty());
    Refusal refusal = buckets.tryAcquire("e", generous).orElseThrow();
    assertEquals(Refusal.Scope.SERVER, refusal.scope());
    assertTrue(
        buckets.tryAcquire("c", Optional.empty()).isPresent(),
        "an unlimited tenant is still under the server's limit");
  }

  @Test
  void aRequestTheServerRefusesCostsItsTenantNothing() {
    RateBuckets buckets = new RateBuckets(Optional.of(new Rate(1, 1)), clock);
    Optional<Rate> tenant = Optional.of(new Rate(1, 2));
    assertTrue(buckets.tryAcquire("other", Optional.empty()).isEmpty(), "server bucket drained");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          Refusal.Scope.SERVER, buckets.tryAcquire("t1", tenant).orElseThrow().scope(), "try " + i);
    }
    clock.advance(Duration.ofSeconds(1));
    assertTrue(buckets.tryAcquire("t1", tenant).isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(buckets.tryAcquire("t1", tenant).isEmpty(), "the tenant still had its burst");
  }

  /** With time standing still, threads racing for one bucket get exactly its burst, no more. */
  @Test
  void racingRequestsNeverGetMoreThanTheBurst() throws Exception {
    RateBuckets buckets = new RateBuckets(Optional.of(new Rate(1, 700)), clock);
    Optional<Rate> tenant = Optional.of(new Rate(1, 500));
    AtomicInteger admittedA = new AtomicInteger();
    AtomicInteger admittedB = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean a = t % 2 == 0;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    if (buckets.tryAcquire(a ? "a" : "b", tenant).isEmpty()) {
                      (a ? admittedA : admittedB).incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(admittedA.get() <= 500 && admittedB.get() <= 500, admittedA + " / " + admittedB);
    assertEquals(700, admittedA.get() + admittedB.get(), "the server's burst, shared");
  }

  @Test
  void refusalsNameTheLimitTheyHit() {
    Rate rate = new Rate(5, 20);
    assertTrue(
        new Refusal(Refusal.Scope.TENANT, rate, 1)
            .detail()
            .contains("this tenant's SCIM rate limit (5 requests per second, bursts of up to 20)"));
    assertTrue(
        new Refusal(Refusal.Scope.SERVER, rate, 1)
            .detail()
            .contains("the server's SCIM rate limit for all tenants"));
  }

  private static void drain(RateBuckets buckets, String tenant, Optional<Rate> rate) {
    while (buckets.tryAcquire(tenant, rate).isEmpty()) {
      // take every token of the burst
    }
  }
}
