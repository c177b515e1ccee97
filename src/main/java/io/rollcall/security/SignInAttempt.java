package io.rollcall.security;

/**
 * An admin sign-in as it ended, fired as a CDI event by the authentication mechanism for the admin
 * trail to record. {@code name} is the account name typed (or the lookup prefix of a presented
 * admin token) — the password or secret is never part of it.
 */
public record SignInAttempt(String name, AdminCaller.Via via, String address, Outcome outcome) {

  public enum Outcome {
    SUCCEEDED("success"),
    FAILED("failed"),
    THROTTLED("throttled");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
