package io.rollcall.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Why the console's sign-in was refused, left on the request by the authentication mechanism for
 * the sign-in page to explain. {@code retryAt} (and {@code retryAfterSeconds}, for the {@code
 * Retry-After} header) are set when the throttle refused the attempt without checking it.
 */
public record SignInRefusal(Instant retryAt, long retryAfterSeconds) {

  private static final String ATTRIBUTE = SignInRefusal.class.getName();

  public boolean locked() {
    return retryAt != null;
  }

  void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  public static Optional<SignInRefusal> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof SignInRefusal refusal
        ? Optional.of(refusal)
        : Optional.empty();
  }
}
