package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestClock;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle's policy, with its counts in a real database: on H2 here, on PostgreSQL in
 * {@code LoginThrottleOnPostgresTest}. Several throttles on one database play the nodes of a
 * cluster, or one node before and after a restart.
 */
class LoginThrottleTest {

  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final String ATTACKER = "203.0.113.66";
  private static final String ADMIN_DESK = "198.51.100.10";

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private EntityManagerFactory factory;
  private LoginThrottle throttle;
  private TestClock clock;

  @BeforeEach
  void fiveFreeThenThirtySecondsDoublingToFifteenMinutes() {
    factory = database().migrated().entityManagerFactory();
    clock = new TestClock(START);
    throttle = node();
  }

  @AfterEach
  void stop() {
    factory.close();
  }

  /** A node with the default settings: 5 free failures, 30 s doubling to 15 min. */
  private LoginThrottle node() {
    return node(5);
  }

  private LoginThrottle node(int freeAttempts) {
    return node(freeAttempts, new CommittingStore(factory));
  }

  /** A throttle on the test's clock whose store commits each call on its own, as the bean does. */
  private LoginThrottle node(int freeAttempts, SignInFailures store) {
    LoginThrottle node = new LoginThrottle();
    node.freeAttempts = freeAttempts;
    node.backoffSetting = "PT30S";
    node.maxBackoffSetting = "PT15M";
    node.configure();
    node.store = store;
    node.clock = clock;
    return node;
  }

  private void later(Duration d) {
    clock.advance(d);
  }

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address);
    }
  }

  private Optional<Instant> refused(String account, String address) {
    return throttle.refusedUntil(account, address);
  }

  @Test
  void theFirstFailuresAreFreeThenTheWaitDoublesUpToTheMaximum() {
    fail("admin", ATTACKER, 4);
    assertTrue(refused("admin", ATTACKER).isEmpty(), "four failures cost nothing");
    fail("admin", ATTACKER, 1);
    assertEquals(Optional.of(clock.instant().plusSeconds(30)), refused("admin", ATTACKER));

    Duration[] waits = {
      Duration.ofSeconds(60),
      Duration.ofMinutes(2),
      Duration.ofMinutes(4),
      Duration.ofMinutes(8),
      Duration.ofMinutes(15),
      Duration.ofMinutes(15)
    };
    for (Duration wait : waits) {
      later(refused("admin", ATTACKER).map(this::untilNow).orElseThrow());
      assertTrue(refused("admin", ATTACKER).isEmpty(), "the wait is over");
      fail("admin", ATTACKER, 1);
      assertEquals(Optional.of(clock.instant().plus(wait)), refused("admin", ATTACKER));
    }
  }

  private Duration untilNow(Instant until) {
    return Duration.between(clock.instant(), until);
  }

  @Test
  void anAdminAtAnAddressWithoutFailuresIsNeverRefusedBecauseOfSomeoneElsesGuesses() {
    fail("admin", ATTACKER, 12);
    assertTrue(refused("admin", ATTACKER).isPresent());
    assertTrue(refused("admin", ADMIN_DESK).isEmpty(), "the admin's own desk still gets through");
  }

  @Test
  void anAddressThatFailedIsHeldToTheAccountsBackOffToo() {
    fail("admin", ATTACKER, 5);
    fail("other", "192.0.2.1", 1);
    assertEquals(
        Optional.of(clock.instant().plusSeconds(30)),
        refused("admin", "192.0.2.1"),
        "many addresses cannot share the guessing of one account");
    assertTrue(refused("other", "192.0.2.1").isEmpty());
  }

  @Test
  void oneAddressTryingManyAccountsIsStoppedForEveryAccount() {
    for (int i = 0; i < 19; i++) {
      throttle.failed("user" + i, ATTACKER);
    }
    assertTrue(refused("someone", ATTACKER).isEmpty(), "an address has four times the attempts");
    throttle.failed("user19", ATTACKER);
    assertEquals(Optional.of(clock.instant().plusSeconds(30)), refused("someone", ATTACKER));
    assertTrue(refused("someone", ADMIN_DESK).isEmpty());
  }

  @Test
  void successResetsTheAccountButNotTheAddress() {
    fail("admin", ADMIN_DESK, 4);
    throttle.succeeded("admin");
    fail("admin", ADMIN_DESK, 4);
    assertTrue(refused("admin", ADMIN_DESK).isEmpty(), "the account's count started again");

    fail("mine", ATTACKER, 19);
    throttle.succeeded("mine");
    fail("mine", ATTACKER, 1);
    assertTrue(
        refused("admin", ATTACKER).isPresent(), "a valid account does not wash an address clean");
  }

  @Test
  void accountNamesAreComparedWithoutCaseOrSurroundingSpace() {
    fail("Admin", ATTACKER, 3);
    fail(" admin ", ATTACKER, 2);
    assertTrue(refused("ADMIN", ATTACKER).isPresent());
  }

  @Test
  void ipv6ClientsCountPerSlash64() {
    fail("admin", "2001:db8:1:2::1", 3);
    fail("admin", "2001:db8:1:2:ffff::9", 2);
    assertTrue(refused("admin", "2001:db8:1:2::abcd").isPresent(), "one subscriber's block");
    assertTrue(refused("admin", "2001:db8:1:3::1").isEmpty(), "a neighbouring /64 is clean");
  }

  @Test
  void failuresAreForgottenAfterFourTimesTheMaximumBackOff() {
    fail("admin", ATTACKER, 10);
    later(Duration.ofMinutes(59));
    assertTrue(refused("admin", ATTACKER).isEmpty(), "the wait itself ended long ago");
    fail("admin", ATTACKER, 1);
    assertEquals(
        Optional.of(clock.instant().plus(Duration.ofMinutes(15))),
        refused("admin", ATTACKER),
        "remembered");

    later(Duration.ofHours(1));
    fail("admin", ATTACKER, 4);
    assertTrue(refused("admin", ATTACKER).isEmpty(), "after an hour's quiet it starts again");
  }

  @Test
  void aFloodOfNewNamesIsDeletedOnceForgottenWhileLiveCountsStay() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("user" + i, "10.0.0." + i);
    }
    later(Duration.ofMinutes(30));
    fail("victim", ATTACKER, 5);
    later(Duration.ofMinutes(30));

    assertEquals(100, throttle.purgeForgotten(), "50 accounts and 50 addresses, an hour old");
    assertEquals(
        2, storedCounts(), "only the victim's account and the attacker's address are left");
    assertEquals(0, throttle.purgeForgotten());
    fail("victim", ATTACKER, 1);
    assertEquals(
        Optional.of(clock.instant().plusSeconds(60)), refused("victim", ATTACKER), "still counted");
  }

  private long storedCounts() {
    EntityManager em = factory.createEntityManager();
    try {
      return em.createQuery("SELECT COUNT(f) FROM SignInFailure f", Long.class).getSingleResult();
    } finally {
      em.close();
    }
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    assertEquals(1, throttle.secondsUntil(clock.instant().plusMillis(1)));
    assertEquals(30, throttle.secondsUntil(clock.instant().plusSeconds(30)));
    assertEquals(1, throttle.secondsUntil(clock.instant().minusSeconds(3)));
  }

  @Test
  void nonsenseSettingsStopTheStart() {
    LoginThrottle bad = new LoginThrottle();
    bad.freeAttempts = 5;
    bad.backoffSetting = "PT1H";
    bad.maxBackoffSetting = "PT1M";
    assertThrows(IllegalStateException.class, bad::configure);
  }

  @Test
  void unreadableAddressesAndAccountsStillGetAKey() {
    fail(null, null, 20);
    assertTrue(refused(null, null).isPresent());
    fail("x".repeat(5000), "not an address", 5);
    assertTrue(refused("x".repeat(100), "not an address").isPresent(), "long names are cut");
  }

  @Test
  void namesNoDatabaseStoresAsGivenAreCountedToo() {
    String nul = "admin\u0000";
    fail(nul, "\u0000", 5);
    assertTrue(refused(nul, "\u0000").isPresent(), "PostgreSQL refuses NUL in text");

    String faces = "\uD83D\uDE00".repeat(3000);
    fail(faces, ATTACKER, 5);
    assertTrue(refused(faces, ATTACKER).isPresent(), "cut without splitting a character");

    String lone = "\uD800lone";
    fail(lone, "192.0.2.9", 5);
    assertTrue(refused(lone, "192.0.2.9").isPresent(), "half a character is no valid text");
  }

  @Test
  void accountNamesAreNotKeptInClearForANameNobodyHasMayBeAMistypedPassword() {
    fail("Correct Horse Battery", ATTACKER, 1);
    EntityManager em = factory.createEntityManager();
    try {
      List<String> keys =
          em.createQuery("SELECT f.key FROM SignInFailure f", String.class).getResultList();
      assertEquals(2, keys.size(), "the account and the address");
      assertTrue(
          keys.stream().noneMatch(k -> k.toLowerCase(Locale.ROOT).contains("horse")),
          keys.toString());
    } finally {
      em.close();
    }
  }

  // --- several nodes on one database ---

  @Test
  void failuresOnOneNodeRefuseTheNextAttemptOnAnother() {
    LoginThrottle a = node();
    LoginThrottle b = node();
    for (int i = 0; i < 5; i++) {
      a.failed("admin", ATTACKER);
    }
    assertEquals(Optional.of(clock.instant().plusSeconds(30)), b.refusedUntil("admin", ATTACKER));
    b.failed("admin", ATTACKER);
    assertEquals(
        Optional.of(clock.instant().plusSeconds(60)),
        a.refusedUntil("admin", ATTACKER),
        "one count for both");
  }

  @Test
  void aSuccessOnOneNodeResetsTheAccountForAnother() {
    LoginThrottle a = node();
    LoginThrottle b = node();
    for (int i = 0; i < 4; i++) {
      a.failed("admin", ADMIN_DESK);
    }
    b.succeeded("admin");
    for (int i = 0; i < 4; i++) {
      a.failed("admin", ADMIN_DESK);
    }
    assertTrue(a.refusedUntil("admin", ADMIN_DESK).isEmpty(), "the count started again on b");
  }

  @Test
  void countsSurviveARestart() {
    fail("admin", ATTACKER, 5);
    LoginThrottle restarted = node();
    assertEquals(
        Optional.of(clock.instant().plusSeconds(30)), restarted.refusedUntil("admin", ATTACKER));
  }

  @Test
  void failuresCountedAtOnceOnTwoNodesAreAllCountedOnce() throws Exception {
    LoginThrottle[] nodes = {node(), node()};
    int threadsPerNode = 4;
    int failuresPerThread = 10;
    ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerNode);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (LoginThrottle node : nodes) {
        for (int t = 0; t < threadsPerNode; t++) {
          work.add(
              threads.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < failuresPerThread; i++) {
                      node.failed("admin", ATTACKER);
                    }
                    return null;
                  }));
        }
      }
      go.countDown();
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      threads.shutdownNow();
    }
    // 80 failures, the first of each key raced by all eight threads. A node allowing exactly 80
    // free failures waits the first back-off step (30 s): one more or one fewer would not.
    int total = 2 * threadsPerNode * failuresPerThread;
    assertEquals(
        Optional.of(clock.instant().plusSeconds(30)),
        node(total).refusedUntil("admin", ATTACKER),
        "account");
    assertEquals(
        Optional.of(clock.instant().plusSeconds(30)),
        node(total / LoginThrottle.ADDRESS_FACTOR).refusedUntil("someone", ATTACKER),
        "address");
  }

  // --- an unreachable database ---

  @Test
  void aDatabaseThatCannotBeReachedNeitherRefusesNorBreaksSignIns() {
    LoginThrottle cutOff = node(5, new UnreachableStore());
    assertDoesNotThrow(
        () -> {
          for (int i = 0; i < 10; i++) {
            cutOff.failed("admin", ATTACKER);
          }
          cutOff.succeeded("admin");
        });
    assertTrue(cutOff.refusedUntil("admin", ATTACKER).isEmpty(), "the password check decides");
    assertThrows(RuntimeException.class, cutOff::purgeForgotten, "the purge reports it");
  }

  /**
   * What the container does for the store bean: a fresh instance with its own entity manager per
   * call, each write committed in a transaction of its own (reads in none), so calls on several
   * threads run side by side.
   */
  private static final class CommittingStore extends SignInFailures {
    private final EntityManagerFactory factory;

    CommittingStore(EntityManagerFactory factory) {
      this.factory = factory;
    }

    @Override
    public List<SignInFailure> of(String... keys) {
      EntityManager entityManager = factory.createEntityManager();
      try {
        SignInFailures bean = new SignInFailures();
        bean.em = entityManager;
        return bean.of(keys);
      } finally {
        entityManager.close();
      }
    }

    @Override
    public void count(String key, Instant at, Instant forgottenUpTo) {
      committed(
          bean -> {
            bean.count(key, at, forgottenUpTo);
            return null;
          });
    }

    @Override
    public void forget(String key) {
      committed(
          bean -> {
            bean.forget(key);
            return null;
          });
    }

    @Override
    public int forgetUpTo(Instant forgottenUpTo) {
      return committed(bean -> bean.forgetUpTo(forgottenUpTo));
    }

    private <T> T committed(Function<SignInFailures, T> work) {
      return Transactions.inNew(
          factory,
          entityManager -> {
            SignInFailures bean = new SignInFailures();
            bean.em = entityManager;
            return work.apply(bean);
          });
    }
  }

  /** A store whose database is gone: every call fails as the driver would report it. */
  private static final class UnreachableStore extends SignInFailures {
    @Override
    public List<SignInFailure> of(String... keys) {
      throw unreachable();
    }

    @Override
    public void count(String key, Instant at, Instant forgottenUpTo) {
      throw unreachable();
    }

    @Override
    public void forget(String key) {
      throw unreachable();
    }

    @Override
    public int forgetUpTo(Instant forgottenUpTo) {
      throw unreachable();
    }

    private static PersistenceException unreachable() {
      return new PersistenceException("Connection to the database refused");
    }
  }
}
