package io.rollcall.security;

import io.rollcall.metrics.Metrics;
import io.rollcall.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Admin sign-ins that failed or were throttled, counted and written to the {@link SecurityLog}.
 * Like the admin trail, a failed password names the account only if it exists: a name nobody has
 * may be a password typed into the wrong field.
 */
@ApplicationScoped
public class SecurityEvents {

  @Inject Metrics metrics;
  @Inject AdminAccountService accounts;
  @Inject HttpServletRequest request;

  void signIn(@Observes SignInAttempt attempt) {
    if (attempt.outcome() == SignInAttempt.Outcome.SUCCEEDED) {
      return;
    }
    boolean throttled = attempt.outcome() == SignInAttempt.Outcome.THROTTLED;
    String reason = throttled ? "throttled" : "bad_credentials";
    metrics.credentialRefused("admin", reason);
    SecurityLog.Line line =
        SecurityLog.event("sign_in_refused")
            .with("via", attempt.via().label())
            .with("reason", reason);
    if (attempt.via() == AdminCaller.Via.TOKEN) {
      // The lookup prefix of whatever was presented: named only when it is shaped like one of
      // ours, since an unknown string may be the start of someone's real secret.
      if (attempt.name() != null && attempt.name().startsWith(AdminToken.SECRET_PREFIX)) {
        line.with("token", attempt.name());
      }
    } else if (accounts.find(attempt.name()).isPresent()) {
      line.with("account", attempt.name());
    }
    line.with("client", attempt.address()).with("request", requestId());
    if (throttled) {
      // Throttled refusals cost nothing and come in floods: one line a minute per name and client.
      line.logOncePerMinute();
      return;
    }
    line.warning().log();
  }

  /** Sign-ins are attempted within requests; an event fired elsewhere simply has no id. */
  private String requestId() {
    try {
      return RequestIds.of(request);
    } catch (RuntimeException noRequest) {
      return null;
    }
  }
}
