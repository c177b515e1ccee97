package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private LoginThrottle throttle;

  @BeforeEach
  void fiveAttemptsAndFifteenMinutes() {
    throttle = new LoginThrottle();
    throttle.attempts = 5;
    throttle.lockoutSetting = "PT15M";
    throttle.configure();
    at(START);
  }

  private void at(Instant now) {
    throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address);
    }
  }

  @Test
  void fifthFailureLocksTheUsernameForTheLockoutPeriod() {
    fail("admin", "10.0.0.1", 4);
    assertTrue(throttle.lockedUntil("admin", "10.0.0.1").isEmpty(), "four failures are allowed");
    fail("admin", "10.0.0.1", 1);
    assertEquals(
        START.plus(Duration.ofMinutes(15)),
        throttle.lockedUntil("admin", "10.0.0.2").orElseThrow(),
        "locked from every address");
    at(START.plus(Duration.ofMinutes(15)));
    assertTrue(throttle.lockedUntil("admin", "10.0.0.1").isEmpty(), "the lock expires");
  }

  @Test
  void usernamesAreComparedWithoutCaseOrSurroundingSpace() {
    fail("Admin", "10.0.0.1", 3);
    fail(" admin ", "10.0.0.2", 2);
    assertTrue(throttle.lockedUntil("ADMIN", "10.0.0.3").isPresent());
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    fail("admin", "10.0.0.1", 4);
    at(START.plus(Duration.ofMinutes(16)));
    fail("admin", "10.0.0.1", 4);
    assertTrue(throttle.lockedUntil("admin", "10.0.0.1").isEmpty());
  }

  @Test
  void successClearsTheUsernameButNotTheAddress() {
    fail("admin", "10.0.0.1", 4);
    throttle.succeeded("admin");
    fail("admin", "10.0.0.1", 4);
    assertTrue(throttle.lockedUntil("admin", "10.0.0.9").isEmpty(), "the username count restarted");

    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.1");
    }
    assertTrue(
        throttle.lockedUntil("someone-else", "10.0.0.1").isPresent(), "the address is locked");
    assertTrue(throttle.lockedUntil("someone-else", "10.0.0.2").isEmpty());
  }

  @Test
  void anAddressGetsFourTimesTheAttemptsOfAUsername() {
    for (int i = 0; i < 19; i++) {
      throttle.failed("user" + i, "10.0.0.1");
    }
    assertTrue(throttle.lockedUntil("fresh", "10.0.0.1").isEmpty());
    throttle.failed("user19", "10.0.0.1");
    assertTrue(throttle.lockedUntil("fresh", "10.0.0.1").isPresent());
  }
}
