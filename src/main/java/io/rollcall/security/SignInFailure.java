package io.rollcall.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The failed sign-ins on record for one throttle key (see {@link LoginThrottle}). */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure {

  @Id
  @Column(name = "throttle_key")
  private String key;

  private int failures;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  protected SignInFailure() {}

  SignInFailure(String key, Instant at) {
    this.key = key;
    this.failures = 1;
    this.lastFailureAt = at;
  }

  /**
   * One more failure, or the first of a new count when the last one is forgotten (at or before
   * {@code forgottenUpTo}).
   */
  void failedAgain(Instant at, Instant forgottenUpTo) {
    failures = lastFailureAt.isAfter(forgottenUpTo) ? failures + 1 : 1;
    // A node whose clock lags must not pull another node's latest failure back in time.
    if (at.isAfter(lastFailureAt)) {
      lastFailureAt = at;
    }
  }

  String key() {
    return key;
  }

  int failures() {
    return failures;
  }

  Instant lastFailureAt() {
    return lastFailureAt;
  }
}
