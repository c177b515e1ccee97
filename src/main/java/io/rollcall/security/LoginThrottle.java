package io.rollcall.security;

import io.rollcall.network.IpAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing on every admin entry point (the admin API's HTTP Basic and admin
 * tokens, and the console's sign-in form). Failures are counted per account name (for a token, its
 * lookup prefix) and per client address; past a number of free failures each further one doubles
 * the wait before the next attempt, up to a maximum. A refused attempt is answered before any
 * password is hashed, so it costs one indexed read.
 *
 * <ul>
 *   <li>An <b>address</b> gets {@value #ADDRESS_FACTOR} times the free failures of an account
 *       (several admins may share one address) and its back-off applies to every account, which
 *       stops one client from trying many accounts. A success does not reset it, so a valid account
 *       cannot be used to wash an address clean. IPv6 clients count per /64, the block one
 *       subscriber usually holds.
 *   <li>An <b>account</b>'s back-off stops many addresses guessing one password together, but it
 *       applies only to addresses with failures of their own on record. A client that has not
 *       failed recently — the real admin at their usual desk — is never refused because someone
 *       else guessed wrong, so an attacker cannot lock an admin out. The price is one guess per
 *       fresh address while the account is backing off. A success resets the account's count.
 * </ul>
 *
 * <p>The counts are kept in the shared database ({@link SignInFailures}), so every node of a
 * cluster sees each failure at once and a restart forgets nothing. They are forgotten {@value
 * #FORGET_FACTOR} times the maximum back-off after their last failure, and the retention purge
 * deletes them then ({@link #purgeForgotten()}).
 *
 * <p>If the counts cannot be read or written, the throttle lets the attempt through and logs a
 * warning (at most once a minute): the password is still checked, and a database too unwell to keep
 * the counts can rarely check a password either, so refusing would mostly turn the admins' own
 * sign-ins into errors.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  static final int ADDRESS_FACTOR = 4;
  static final int FORGET_FACTOR = 4;
  private static final int MAX_ACCOUNT_KEY = 100;
  private static final String ACCOUNT = "account:";
  private static final String ADDRESS = "address:";

  /**
   * Two requests' first failures of one key collide once; a third try covers the row being deleted
   * in between by a success on the account.
   */
  private static final int COUNT_TRIES = 3;

  private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  @Inject
  @ConfigProperty(name = "rollcall.auth.free-attempts", defaultValue = "5")
  int freeAttempts;

  @Inject
  @ConfigProperty(name = "rollcall.auth.backoff", defaultValue = "PT30S")
  String backoffSetting;

  @Inject
  @ConfigProperty(name = "rollcall.auth.max-backoff", defaultValue = "PT15M")
  String maxBackoffSetting;

  @Inject SignInFailures store;

  Duration backoff;
  Duration maxBackoff;
  Clock clock = Clock.systemUTC();

  private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

  @PostConstruct
  void configure() {
    backoff = Duration.parse(backoffSetting);
    maxBackoff = Duration.parse(maxBackoffSetting);
    if (freeAttempts < 1
        || backoff.isNegative()
        || backoff.isZero()
        || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalStateException(
          "rollcall.auth.free-attempts must be at least 1, rollcall.auth.backoff positive and"
              + " rollcall.auth.max-backoff at least rollcall.auth.backoff");
    }
  }

  /**
   * Until when an attempt on {@code account} from {@code address} is refused without checking the
   * password; empty when it may be tried now.
   */
  public Optional<Instant> refusedUntil(String account, String address) {
    Instant now = clock.instant();
    String accountKey = accountKey(account);
    String addressKey = addressKey(address);
    SignInFailure fromAddress = null;
    SignInFailure onAccount = null;
    try {
      for (SignInFailure f : store.of(accountKey, addressKey)) {
        if (forgotten(f, now)) {
          continue;
        }
        if (f.key().equals(addressKey)) {
          fromAddress = f;
        } else if (f.key().equals(accountKey)) {
          onAccount = f;
        }
      }
    } catch (RuntimeException e) {
      unavailable("read the failure counts", e);
      return Optional.empty();
    }
    if (fromAddress == null) {
      return Optional.empty();
    }
    Instant until = retryAt(fromAddress, freeAttempts * ADDRESS_FACTOR);
    if (onAccount != null) {
      until = later(until, retryAt(onAccount, freeAttempts));
    }
    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Whole seconds until {@code until}, at least one: the value of a {@code Retry-After}. */
  public long secondsUntil(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    // Apart, so a key the database refuses cannot keep the other from being counted.
    count(accountKey(account), now);
    count(addressKey(address), now);
  }

  /** The account's count starts again; the address's does not (see the class comment). */
  public void succeeded(String account) {
    try {
      store.forget(accountKey(account));
    } catch (RuntimeException e) {
      unavailable("reset an account's count", e);
    }
  }

  /** Deletes the counts that are forgotten anyway, so the table holds only live ones; how many. */
  public int purgeForgotten() {
    return store.forgetUpTo(forgottenUpTo(clock.instant()));
  }

  private void count(String key, Instant now) {
    for (int tries = 1; ; tries++) {
      try {
        store.count(key, now, forgottenUpTo(now));
        return;
      } catch (SignInFailures.FirstFailureRace e) {
        if (tries == COUNT_TRIES) {
          unavailable("count a failure", e);
          return;
        }
      } catch (RuntimeException e) {
        unavailable("count a failure", e);
        return;
      }
    }
  }

  private void unavailable(String what, RuntimeException e) {
    Instant now = clock.instant();
    Instant warned = lastWarning.get();
    boolean warn =
        !now.isBefore(warned.plus(WARNING_INTERVAL)) && lastWarning.compareAndSet(warned, now);
    LOG.log(
        warn ? Level.WARNING : Level.FINE,
        "The admin sign-in throttle could not "
            + what
            + " in the database; until it can, sign-ins go through unthrottled (their passwords are"
            + " still checked)",
        e);
  }

  private Instant retryAt(SignInFailure f, int free) {
    if (f.failures() < free) {
      return null;
    }
    int doublings = Math.min(f.failures() - free, 30);
    Duration wait = backoff.multipliedBy(1L << doublings);
    return f.lastFailureAt().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
  }

  /** A count whose last failure is at or before this instant is forgotten. */
  private Instant forgottenUpTo(Instant now) {
    return now.minus(maxBackoff.multipliedBy(FORGET_FACTOR));
  }

  private boolean forgotten(SignInFailure f, Instant now) {
    return !f.lastFailureAt().isAfter(forgottenUpTo(now));
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  /**
   * The account name as a digest: a name nobody has may be a mistyped password, so it is not kept
   * in clear, as the admin trail does not record it either.
   */
  static String accountKey(String account) {
    String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(storable(name).getBytes(StandardCharsets.UTF_8));
      return ACCOUNT + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** IPv6 addresses by their /64; anything unreadable as an address by its text. */
  static String addressKey(String address) {
    return ADDRESS + storable(addressText(address));
  }

  private static String addressText(String address) {
    Optional<InetAddress> parsed = IpAddresses.parse(address);
    if (parsed.isEmpty()) {
      return address == null ? "" : address;
    }
    InetAddress a = parsed.get();
    if (a instanceof Inet6Address) {
      byte[] prefix = Arrays.copyOf(a.getAddress(), 16);
      Arrays.fill(prefix, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      } catch (UnknownHostException e) {
        return a.getHostAddress();
      }
    }
    return a.getHostAddress();
  }

  /**
   * At most {@value #MAX_ACCOUNT_KEY} characters that every database stores as given. A key the
   * database rejected (PostgreSQL refuses NUL in text) would go uncounted, and the cut must not
   * leave half a surrogate pair. Names that differ only there share a count, which is harmless.
   */
  private static String storable(String text) {
    int end = Math.min(text.length(), MAX_ACCOUNT_KEY);
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder key = new StringBuilder(end);
    text.substring(0, end)
        .codePoints()
        .map(c -> c == 0 || Character.getType(c) == Character.SURROGATE ? '\uFFFD' : c)
        .forEach(key::appendCodePoint);
    return key.toString();
  }
}
