package io.rollcall.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing on the console's sign-in form. Failures are counted per username and
 * per client address; after {@code rollcall.console.login-attempts} failures within the lock-out
 * period the key is locked for that period, and every attempt on it is refused without looking at
 * the password. A client address gets four times as many attempts, since several admins may share
 * one address. Successful sign-ins clear the username's count but not the address's, so an attacker
 * with one valid account cannot reset the address limit.
 *
 * <p>The counts live in this node's memory: a restart forgets them, and each cluster node counts on
 * its own. That bounds guessing to a few attempts per minute per node, which PBKDF2 makes hopeless.
 */
@ApplicationScoped
public class LoginThrottle {

  /** Above this many keys, expired entries are dropped before a new one is added. */
  private static final int TIDY_ABOVE = 10_000;

  private static final int ADDRESS_FACTOR = 4;

  @Inject
  @ConfigProperty(name = "rollcall.console.login-attempts", defaultValue = "5")
  int attempts;

  @Inject
  @ConfigProperty(name = "rollcall.console.lockout", defaultValue = "PT15M")
  String lockoutSetting;

  Duration lockout;

  Clock clock = Clock.systemUTC();

  private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

  /** Failures of one key since {@code since}; locked until {@code lockedUntil} if set. */
  private record Failures(int count, Instant since, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }

    boolean staleAt(Instant now, Duration window) {
      return !lockedAt(now) && !now.isBefore(since.plus(window));
    }
  }

  @PostConstruct
  void configure() {
    lockout = Duration.parse(lockoutSetting);
    if (attempts < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalStateException(
          "rollcall.console.login-attempts must be at least 1 and rollcall.console.lockout"
              + " positive");
    }
  }

  /** Until when sign-in is refused for this username or address; empty if it may be tried. */
  public Optional<Instant> lockedUntil(String username, String address) {
    Instant now = clock.instant();
    Instant until = null;
    for (String key : new String[] {userKey(username), addressKey(address)}) {
      Failures f = failures.get(key);
      if (f != null && f.lockedAt(now) && (until == null || f.lockedUntil().isAfter(until))) {
        until = f.lockedUntil();
      }
    }
    return Optional.ofNullable(until);
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > TIDY_ABOVE) {
      failures.values().removeIf(f -> f.staleAt(now, lockout));
    }
    count(userKey(username), attempts, now);
    count(addressKey(address), attempts * ADDRESS_FACTOR, now);
  }

  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private void count(String key, int limit, Instant now) {
    failures.compute(
        key,
        (k, f) -> {
          if (f == null || f.staleAt(now, lockout)) {
            f = new Failures(0, now, null);
          }
          int count = f.count() + 1;
          return new Failures(
              count, f.since(), count >= limit ? now.plus(lockout) : f.lockedUntil());
        });
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
