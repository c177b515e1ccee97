package io.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rollcall.security.AdminAccount;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.AdminCaller;
import io.rollcall.security.SignInAttempt;
import io.rollcall.security.SignInAttempt.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTrailTest {

  private record Recorded(String actor, String via, String target, String outcome) {}

  private final List<Recorded> recorded = new ArrayList<>();
  private final SignInTrail signIns = new SignInTrail();
  private Instant now = Instant.parse("2026-11-30T08:00:00Z");

  @BeforeEach
  void wire() {
    signIns.trail =
        new AdminTrail() {
          @Override
          public void recordFor(
              AdminCaller caller, AdminAction action, String outcome, String reason) {
            recorded.add(
                new Recorded(caller.username(), caller.via().label(), action.target(), outcome));
          }
        };
    signIns.accounts =
        new AdminAccountService() {
          @Override
          public Optional<AdminAccount> find(String username) {
            return Optional.empty();
          }
        };
    signIns.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private void attempt(String name, AdminCaller.Via via, Outcome outcome) {
    signIns.clock = Clock.fixed(now, ZoneOffset.UTC);
    signIns.record(new SignInAttempt(name, via, "192.0.2.1", outcome));
  }

  @Test
  void everyCheckedFailureIsRecordedButOnlyExistingAccountsAreNamed() {
    attempt("my-password-typed-here", AdminCaller.Via.PASSWORD, Outcome.FAILED);
    attempt("my-password-typed-here", AdminCaller.Via.PASSWORD, Outcome.FAILED);
    assertEquals(2, recorded.size());
    assertEquals("(unknown account)", recorded.get(0).actor());
    assertEquals("failed", recorded.get(0).outcome());
  }

  @Test
  void aWrongTokenIsRecordedByItsPrefixOnly() {
    attempt("rcadm_abcdef", AdminCaller.Via.TOKEN, Outcome.FAILED);
    assertEquals(new Recorded("(admin token)", "token", "rcadm_abcdef", "failed"), recorded.get(0));
  }

  @Test
  void apiSuccessesAreRecordedOnceAnHourButConsoleSignInsEveryTime() {
    for (int i = 0; i < 3; i++) {
      attempt("bob", AdminCaller.Via.PASSWORD, Outcome.SUCCEEDED);
      attempt("bob", AdminCaller.Via.CONSOLE, Outcome.SUCCEEDED);
    }
    assertEquals(4, recorded.size());
    now = now.plus(SignInTrail.SUCCESS_EVERY);
    attempt("bob", AdminCaller.Via.PASSWORD, Outcome.SUCCEEDED);
    assertEquals(5, recorded.size());
    assertNull(recorded.get(0).target());
  }

  @Test
  void throttledRefusalsAreRecordedOnceAMinute() {
    for (int i = 0; i < 50; i++) {
      attempt("alice", AdminCaller.Via.PASSWORD, Outcome.THROTTLED);
    }
    assertEquals(1, recorded.size());
    now = now.plus(Duration.ofSeconds(61));
    attempt("alice", AdminCaller.Via.PASSWORD, Outcome.THROTTLED);
    assertEquals(2, recorded.size());
    assertEquals("throttled", recorded.get(1).outcome());
  }

  @Test
  void aTrailThatCannotBeWrittenNeverBreaksTheSignIn() {
    signIns.trail =
        new AdminTrail() {
          @Override
          public void recordFor(
              AdminCaller caller, AdminAction action, String outcome, String reason) {
            throw new IllegalStateException("database away");
          }
        };
    assertDoesNotThrow(() -> attempt("alice", AdminCaller.Via.CONSOLE, Outcome.FAILED));
  }
}
