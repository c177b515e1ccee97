package io.rollcall.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestClock;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one database take turns with a lease: one holder at a time, the holder may
 * extend it, and it passes to another node when released or expired. On H2 here, on PostgreSQL in
 * {@code LeasesOnPostgresTest}.
 */
class LeasesTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private EntityManagerFactory factory;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));

  @BeforeEach
  void start() {
    factory = database().migrated().entityManagerFactory();
  }

  @AfterEach
  void stop() {
    factory.close();
  }

  @Test
  void oneNodeHoldsALeaseUntilItExpires() {
    Leases a = node("node-a");
    Leases b = node("node-b");
    String name = fresh("purge");

    assertTrue(a.claim(name, MINUTE));
    assertFalse(b.claim(name, MINUTE), "held by a");
    clock.advance(Duration.ofSeconds(59));
    assertFalse(b.claim(name, MINUTE), "still held by a");
    clock.advance(Duration.ofSeconds(2));
    assertTrue(b.claim(name, MINUTE), "a's lease ran out, as when a node dies holding it");
    assertFalse(a.claim(name, MINUTE), "now held by b");
  }

  @Test
  void theHolderExtendsItsOwnLease() {
    Leases a = node("node-a");
    Leases b = node("node-b");
    String name = fresh("webhook");

    assertTrue(a.claim(name, MINUTE));
    clock.advance(Duration.ofSeconds(50));
    assertTrue(a.claim(name, MINUTE), "extended until 50 s + 1 min");
    clock.advance(Duration.ofSeconds(50));
    assertFalse(b.claim(name, MINUTE), "the extension holds past the first expiry");
  }

  @Test
  void aReleasedLeaseCanBeTakenAtOnce() {
    Leases a = node("node-a");
    Leases b = node("node-b");
    String name = fresh("webhook");

    assertTrue(a.claim(name, MINUTE));
    b.release(name);
    assertFalse(b.claim(name, MINUTE), "only the holder can release");
    a.release(name);
    assertTrue(b.claim(name, MINUTE));
  }

  @Test
  void ofNodesClaimingTogetherExactlyOneWins() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        String name = fresh("race");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
          Leases node = node("node-" + n);
          claims.add(
              threads.submit(
                  () -> {
                    go.await();
                    return node.claim(name, MINUTE);
                  }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> claim : claims) {
          winners += claim.get() ? 1 : 0;
        }
        assertEquals(1, winners, "round " + round);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTickLeaseCoversMostOfAnInterval() {
    assertEquals(Duration.ofMinutes(54), Leases.tickLease(Duration.ofHours(1)));
  }

  private static String fresh(String job) {
    return job + ":" + java.util.UUID.randomUUID();
  }

  /** A node: its own name, the test's clock, and lease statements committed one by one. */
  private Leases node(String name) {
    Leases leases = new Leases();
    leases.node = name;
    leases.clock = clock;
    leases.rows = new CommittingRows(factory);
    return leases;
  }

  /** What the container does for {@code REQUIRES_NEW}: each statement in its own transaction. */
  private static final class CommittingRows extends LeaseRows {
    private final EntityManagerFactory factory;

    CommittingRows(EntityManagerFactory factory) {
      this.factory = factory;
    }

    @Override
    public boolean extend(String name, String holder, Instant now, Instant until) {
      return committed(() -> super.extend(name, holder, now, until));
    }

    @Override
    public boolean create(String name, String holder, Instant until) {
      return committed(() -> super.create(name, holder, until));
    }

    @Override
    public void release(String name, String holder, Instant now) {
      committed(
          () -> {
            super.release(name, holder, now);
            return null;
          });
    }

    private synchronized <T> T committed(Supplier<T> work) {
      return Transactions.inNew(
          factory,
          entityManager -> {
            em = entityManager;
            return work.get();
          });
    }
  }
}
