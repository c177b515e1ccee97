package io.rollcall.security;

import io.rollcall.network.IpAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing on every admin entry point (the admin API's HTTP Basic and admin
 * tokens, and the console's sign-in form). Failures are counted per account name (for a token, its
 * lookup prefix) and per client address; past a number of free failures each further one doubles
 * the wait before the next attempt, up to a maximum. A refused attempt is answered before any
 * password is hashed, so it costs nothing.
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
 * <p>Counts are forgotten {@value #FORGET_FACTOR} times the maximum back-off after their last
 * failure. Both maps are capped: past {@link #MAX_ENTRIES} keys the forgotten ones go first, then
 * the least recently failed tenth. The counts live in this node's memory; each node of a cluster
 * counts on its own, and a restart forgets them.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int MAX_ENTRIES = 10_000;
  static final int ADDRESS_FACTOR = 4;
  static final int FORGET_FACTOR = 4;
  private static final int MAX_ACCOUNT_KEY = 100;

  @Inject
  @ConfigProperty(name = "rollcall.auth.free-attempts", defaultValue = "5")
  int freeAttempts;

  @Inject
  @ConfigProperty(name = "rollcall.auth.backoff", defaultValue = "PT30S")
  String backoffSetting;

  @Inject
  @ConfigProperty(name = "rollcall.auth.max-backoff", defaultValue = "PT15M")
  String maxBackoffSetting;

  Duration backoff;
  Duration maxBackoff;
  Clock clock = Clock.systemUTC();

  private final ConcurrentMap<String, Failures> accounts = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Failures> addresses = new ConcurrentHashMap<>();

  /** {@code count} failures, the latest at {@code last}. */
  private record Failures(int count, Instant last) {}

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
    Failures fromAddress = live(addresses, addressKey(address), now);
    if (fromAddress == null) {
      return Optional.empty();
    }
    Instant until = retryAt(fromAddress, freeAttempts * ADDRESS_FACTOR);
    Failures onAccount = live(accounts, accountKey(account), now);
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
    count(accounts, accountKey(account), now);
    count(addresses, addressKey(address), now);
  }

  /** The account's count starts again; the address's does not (see the class comment). */
  public void succeeded(String account) {
    accounts.remove(accountKey(account));
  }

  private Instant retryAt(Failures f, int free) {
    if (f.count() < free) {
      return null;
    }
    int doublings = Math.min(f.count() - free, 30);
    Duration wait = backoff.multipliedBy(1L << doublings);
    return f.last().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
  }

  private Failures live(Map<String, Failures> map, String key, Instant now) {
    Failures f = map.get(key);
    return f == null || forgotten(f, now) ? null : f;
  }

  private boolean forgotten(Failures f, Instant now) {
    return !now.isBefore(f.last().plus(maxBackoff.multipliedBy(FORGET_FACTOR)));
  }

  private void count(ConcurrentMap<String, Failures> map, String key, Instant now) {
    if (map.size() >= MAX_ENTRIES && !map.containsKey(key)) {
      makeRoom(map, now);
    }
    map.compute(
        key,
        (k, f) ->
            f == null || forgotten(f, now)
                ? new Failures(1, now)
                : new Failures(f.count() + 1, now));
  }

  /** Called only when a map is full: rare, and each call frees a tenth of it. */
  private synchronized void makeRoom(ConcurrentMap<String, Failures> map, Instant now) {
    if (map.size() < MAX_ENTRIES) {
      return;
    }
    map.values().removeIf(f -> forgotten(f, now));
    if (map.size() < MAX_ENTRIES) {
      return;
    }
    List<Map.Entry<String, Failures>> oldest =
        map.entrySet().stream()
            .sorted(Comparator.comparing(e -> e.getValue().last()))
            .limit(MAX_ENTRIES / 10)
            .toList();
    oldest.forEach(e -> map.remove(e.getKey(), e.getValue()));
  }

  int size() {
    return accounts.size() + addresses.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  static String accountKey(String account) {
    String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    return key.length() > MAX_ACCOUNT_KEY ? key.substring(0, MAX_ACCOUNT_KEY) : key;
  }

  /** IPv6 addresses by their /64; anything unreadable as an address by its text. */
  static String addressKey(String address) {
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
}
