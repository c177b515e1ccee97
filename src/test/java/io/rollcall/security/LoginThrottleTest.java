package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final String ATTACKER = "203.0.113.66";
  private static final String ADMIN_DESK = "198.51.100.10";

  private LoginThrottle throttle;
  private Instant now;

  @BeforeEach
  void fiveFreeThenThirtySecondsDoublingToFifteenMinutes() {
    throttle = new LoginThrottle();
    throttle.freeAttempts = 5;
    throttle.backoffSetting = "PT30S";
    throttle.maxBackoffSetting = "PT15M";
    throttle.configure();
    at(START);
  }

  private void at(Instant instant) {
    now = instant;
    throttle.clock = Clock.fixed(instant, ZoneOffset.UTC);
  }

  private void later(Duration d) {
    at(now.plus(d));
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
    assertEquals(Optional.of(now.plusSeconds(30)), refused("admin", ATTACKER));

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
      assertEquals(Optional.of(now.plus(wait)), refused("admin", ATTACKER));
    }
  }

  private Duration untilNow(Instant until) {
    return Duration.between(now, until);
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
        Optional.of(now.plusSeconds(30)),
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
    assertEquals(Optional.of(now.plusSeconds(30)), refused("someone", ATTACKER));
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
        Optional.of(now.plus(Duration.ofMinutes(15))), refused("admin", ATTACKER), "remembered");

    later(Duration.ofHours(1));
    fail("admin", ATTACKER, 4);
    assertTrue(refused("admin", ATTACKER).isEmpty(), "after an hour's quiet it starts again");
  }

  @Test
  void memoryIsBoundedUnderAFloodOfNewNames() {
    for (int i = 0; i < LoginThrottle.MAX_ENTRIES * 3; i++) {
      throttle.failed("user" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    assertTrue(throttle.size() <= 2 * LoginThrottle.MAX_ENTRIES, "size " + throttle.size());
    fail("victim", ATTACKER, 5);
    assertTrue(refused("victim", ATTACKER).isPresent(), "the newest failures are kept");
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    assertEquals(1, throttle.secondsUntil(now.plusMillis(1)));
    assertEquals(30, throttle.secondsUntil(now.plusSeconds(30)));
    assertEquals(1, throttle.secondsUntil(now.minusSeconds(3)));
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
}
