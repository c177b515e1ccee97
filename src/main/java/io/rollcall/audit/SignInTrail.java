package io.rollcall.audit;

import io.rollcall.security.AdminAccount;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.AdminCaller;
import io.rollcall.security.AdminRole;
import io.rollcall.security.SignInAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts admin sign-ins into the admin trail. Console sign-ins and every checked failure are
 * recorded; the admin API authenticates each request, so its successes are recorded once an hour
 * per account, method and address, and throttled refusals — which an attacker can send without
 * limit — once a minute per name and address.
 *
 * <p>A failure names the account only if it exists: a name nobody has could be a password typed
 * into the wrong field, and must not reach the trail.
 */
@ApplicationScoped
public class SignInTrail {

  private static final Logger LOG = Logger.getLogger(SignInTrail.class.getName());

  static final Duration SUCCESS_EVERY = Duration.ofHours(1);
  static final Duration THROTTLED_EVERY = Duration.ofMinutes(1);
  private static final int MAX_REMEMBERED = 10_000;

  @Inject AdminTrail trail;
  @Inject AdminAccountService accounts;

  Clock clock = Clock.systemUTC();

  private final ConcurrentMap<String, Instant> lastRecorded = new ConcurrentHashMap<>();

  /**
   * Called synchronously by the authentication mechanism. A failure to record is logged rather than
   * thrown: it must not turn a correct sign-in into an error, nor a wrong one into anything but a
   * 401.
   */
  void record(@Observes SignInAttempt attempt) {
    try {
      write(attempt);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A sign-in could not be recorded in the admin trail", e);
    }
  }

  private void write(SignInAttempt attempt) {
    SignInAttempt.Outcome outcome = attempt.outcome();
    boolean viaConsole = attempt.via() == AdminCaller.Via.CONSOLE;
    if (outcome == SignInAttempt.Outcome.SUCCEEDED && !viaConsole && !due(attempt, SUCCESS_EVERY)) {
      return;
    }
    if (outcome == SignInAttempt.Outcome.THROTTLED && !due(attempt, THROTTLED_EVERY)) {
      return;
    }
    String actor;
    String target = null;
    if (attempt.via() == AdminCaller.Via.TOKEN && outcome != SignInAttempt.Outcome.SUCCEEDED) {
      actor = "(admin token)";
      target = attempt.name();
    } else if (outcome == SignInAttempt.Outcome.SUCCEEDED
        || accounts.find(attempt.name()).isPresent()) {
      actor = attempt.name();
    } else {
      actor = "(unknown account)";
    }
    AdminRole role =
        outcome == SignInAttempt.Outcome.SUCCEEDED
            ? accounts.find(attempt.name()).map(AdminAccount::role).orElse(null)
            : null;
    trail.recordFor(
        new AdminCaller(actor, role, attempt.via(), attempt.address()),
        AdminAction.of("sign-in", target).withDetail(attempt.via().label()),
        outcome.label(),
        null);
  }

  /** Whether this kind of attempt was not recorded within {@code every}; notes it if so. */
  private boolean due(SignInAttempt attempt, Duration every) {
    String key =
        attempt.outcome() + " " + attempt.via() + " " + attempt.name() + " " + attempt.address();
    Instant now = clock.instant();
    Instant last = lastRecorded.get(key);
    if (last != null && Duration.between(last, now).compareTo(every) < 0) {
      return false;
    }
    if (lastRecorded.size() >= MAX_REMEMBERED) {
      // Forgetting only means a few more lines in the trail, never fewer.
      lastRecorded.clear();
    }
    lastRecorded.put(key, now);
    return true;
  }
}
