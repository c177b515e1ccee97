package io.rollcall.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin console's sign-in state and CSRF token, both kept in the HTTP session. Only the
 * console's paths look at them: the SCIM API and the admin API authenticate each request from its
 * {@code Authorization} header alone, so a console session opens neither.
 *
 * <p>A session ends after {@code rollcall.console.idle-timeout} without requests, and at the latest
 * {@link #MAX_LIFETIME} after sign-in.
 */
@ApplicationScoped
public class ConsoleSessions {

  /** The form field every state-changing console request must carry. */
  public static final String CSRF_PARAMETER = "rollcall_csrf";

  public static final String SIGN_IN_PAGE = "/console/login.xhtml";

  static final Duration MAX_LIFETIME = Duration.ofHours(12);

  private static final String SIGNED_IN = ConsoleSessions.class.getName() + ".signedIn";
  private static final String CSRF_TOKEN = ConsoleSessions.class.getName() + ".csrf";

  @Inject
  @ConfigProperty(name = "rollcall.console.idle-timeout", defaultValue = "PT30M")
  String idleTimeoutSetting;

  Duration idleTimeout;

  Clock clock = Clock.systemUTC();

  private record SignedIn(String username, Instant at) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @PostConstruct
  void configure() {
    idleTimeout = Duration.parse(idleTimeoutSetting);
    if (idleTimeout.toSeconds() < 60) {
      throw new IllegalStateException("rollcall.console.idle-timeout must be at least a minute");
    }
  }

  /**
   * Marks the session as signed in, under a new session id (so an id planted before sign-in is
   * useless) and with a new CSRF token.
   */
  void start(HttpServletRequest request, HttpServletResponse response, String username) {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    SessionCookies.sameSiteStrict(request, response);
    session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
    session.setAttribute(SIGNED_IN, new SignedIn(username, clock.instant()));
    session.setAttribute(CSRF_TOKEN, TokenSecret.generate(""));
  }

  /** The admin signed in to this session, unless it is past its maximum lifetime. */
  Optional<String> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(signedIn.at().plus(MAX_LIFETIME))) {
      session.invalidate();
      return Optional.empty();
    }
    return Optional.of(signedIn.username());
  }

  /**
   * Ends a signed-in session whose admin may no longer use the console (account disabled or
   * deleted); a session that never signed in (the sign-in page's) is left alone.
   */
  void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SIGNED_IN) != null) {
      session.invalidate();
    }
  }

  /**
   * The request's session, created if needed (with a {@code SameSite=Strict} cookie), so that it
   * exists before a page starts rendering.
   */
  public HttpSession ensureSession(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(true);
    if (session.isNew()) {
      SessionCookies.sameSiteStrict(request, response);
    }
    csrfToken(session);
    return session;
  }

  /** The session's CSRF token, made on first use. */
  public String csrfToken(HttpSession session) {
    Object token = session.getAttribute(CSRF_TOKEN);
    if (token instanceof String t) {
      return t;
    }
    String fresh = TokenSecret.generate("");
    session.setAttribute(CSRF_TOKEN, fresh);
    return fresh;
  }

  /** Whether the request carries its session's CSRF token (compared in constant time). */
  public boolean carriesCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String presented = request.getParameter(CSRF_PARAMETER);
    if (session == null
        || presented == null
        || !(session.getAttribute(CSRF_TOKEN) instanceof String expected)) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
