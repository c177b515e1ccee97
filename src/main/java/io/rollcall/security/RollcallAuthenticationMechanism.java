package io.rollcall.security;

import io.rollcall.database.Overload;
import io.rollcall.metrics.Metrics;
import io.rollcall.web.JsonErrors;
import io.rollcall.web.NodeStopping;
import io.rollcall.web.PublicUrls;
import io.rollcall.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The one authentication mechanism of the WAR (Jakarta EE 10 takes one). It branches on the path:
 * bearer tokens for the SCIM API, HTTP Basic or an admin token for the admin API, application keys
 * for the access-check API, and a sign-in form with a session for the admin console. Each
 * credential type is validated by its own identity store, so a SCIM token never opens the admin or
 * access API or the console, and an admin password never reaches tenant data. The session is
 * consulted only under {@code /console/}: a console session never authenticates an API request.
 *
 * <p>Failures are answered here with a JSON body: the container's own 401 would be an HTML page.
 * Credentials are read only from the {@code Authorization} header, never from a query string or a
 * form body.
 */
@ApplicationScoped
public class RollcallAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SCIM_REALM = "rollcall";
  static final String ADMIN_REALM = "rollcall-admin";
  static final String APP_REALM = "rollcall-app";

  @Inject IdentityStoreHandler identityStores;
  @Inject ConsoleSessions consoleSessions;
  @Inject LoginThrottle throttle;
  @Inject ClientAddresses clients;
  @Inject PublicUrls publicUrls;
  @Inject AdminAccountService accounts;
  @Inject Event<SignInAttempt> signIns;
  @Inject Event<ScimTokenRefused> scimRefusals;
  @Inject TokenService tokens;
  @Inject Metrics metrics;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    RequestIds.assign(request, response);
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    if (raw.contains("//")) {
      // A doubled slash reaches the same servlet as the single one, but a prefix test on the raw
      // URI would miss it: such a request was once served, unauthenticated, with an empty 200.
      JsonErrors.write(
          response,
          400,
          "application/json",
          JsonErrors.apiBody(400, "The request path must not contain an empty segment (//)."));
      return AuthenticationStatus.SEND_FAILURE;
    }
    // The path as the container mapped it (decoded, dot segments resolved), not as it was sent.
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (NodeStopping.isStopping()) {
      // Checked before the token lookup, which would meet a pool that is being closed.
      response.setHeader("Connection", "close");
      return refuseForNow(path, response, NodeStopping.RETRY_AFTER_SECONDS, NodeStopping.MESSAGE);
    }
    try {
      return validate(path, request, response, context);
    } catch (RuntimeException e) {
      // A saturated pool or a lock timeout while checking credentials: refuse with 503 in the
      // API's own JSON rather than the container's HTML 500.
      if (!Overload.isOverload(e) || path.startsWith("/console/")) {
        throw e;
      }
      return refuseForNow(
          path,
          response,
          Overload.RETRY_AFTER_SECONDS,
          "Rollcall is busy; retry after the time in Retry-After.");
    }
  }

  /** 503 with {@code Retry-After}, in the error shape of the path's API. */
  private static AuthenticationStatus refuseForNow(
      String path, HttpServletResponse response, int retryAfterSeconds, String message) {
    response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
    if (path.startsWith("/scim/")) {
      JsonErrors.write(
          response, 503, JsonErrors.SCIM_MEDIA_TYPE, JsonErrors.scimBody(503, null, message));
    } else {
      JsonErrors.write(response, 503, "application/json", JsonErrors.apiBody(503, message));
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus validate(
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (path.startsWith("/scim/")) {
      return bearer(request, response, context);
    }
    if (path.startsWith("/api/admin")) {
      String token = credentials(request, "Bearer");
      return token != null
          ? adminToken(token, request, response, context)
          : basic(request, response, context);
    }
    if (path.startsWith("/api/app/")) {
      return appKey(request, response, context);
    }
    if (path.startsWith("/console/")) {
      return console(request, context);
    }
    return context.doNothing();
  }

  /**
   * The console: a sign-in comes from the sign-in page through {@code SecurityContext.authenticate}
   * with a username and password; later requests are recognised by their session. Any {@code
   * Authorization} header is ignored here, so neither a SCIM token nor Basic credentials open the
   * console.
   */
  private AuthenticationStatus console(HttpServletRequest request, HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential login) {
      return consoleSignIn(request, context, login);
    }
    // The account is read again on every request: a disabled or deleted admin's open session
    // ends at once, and a changed role applies to the next page.
    Optional<AdminAccount> admin = consoleSessions.signedIn(request).flatMap(accounts::enabled);
    if (admin.isPresent()) {
      AdminCaller caller =
          new AdminCaller(
              admin.get().username(),
              admin.get().role(),
              AdminCaller.Via.CONSOLE,
              clients.of(request));
      caller.attachTo(request);
      return context.notifyContainerAboutLogin(caller.username(), caller.groups());
    }
    consoleSessions.end(request);
    if (context.isProtected()) {
      // The mechanism runs before the servlet filters, so it makes the URL public itself.
      return context.redirect(
          publicUrls.redirect(request, request.getContextPath() + ConsoleSessions.SIGN_IN_PAGE));
    }
    return context.doNothing();
  }

  private AuthenticationStatus consoleSignIn(
      HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential login) {
    String address = clients.of(request);
    Optional<Instant> locked = throttle.refusedUntil(login.getCaller(), address);
    if (locked.isPresent()) {
      signIns.fire(
          new SignInAttempt(
              login.getCaller(),
              AdminCaller.Via.CONSOLE,
              address,
              SignInAttempt.Outcome.THROTTLED));
      new SignInRefusal(locked.get(), throttle.secondsUntil(locked.get())).attachTo(request);
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(login);
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !result.getCallerGroups().contains(Roles.ADMIN)) {
      throttle.failed(login.getCaller(), address);
      signIns.fire(
          new SignInAttempt(
              login.getCaller(), AdminCaller.Via.CONSOLE, address, SignInAttempt.Outcome.FAILED));
      new SignInRefusal(null, 0).attachTo(request);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(login.getCaller());
    String username = result.getCallerPrincipal().getName();
    consoleSessions.start(request, context.getResponse(), username);
    new AdminCaller(username, roleOf(result), AdminCaller.Via.CONSOLE, address).attachTo(request);
    signIns.fire(
        new SignInAttempt(
            username, AdminCaller.Via.CONSOLE, address, SignInAttempt.Outcome.SUCCEEDED));
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus bearer(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String secret = credentials(request, "Bearer");
    if (secret == null) {
      refused(request, "scim", "missing", null);
      return JsonErrors.sendScimUnauthorized(
          response, "Bearer realm=\"" + SCIM_REALM + "\"", "A bearer token is required.");
    }
    CredentialValidationResult result = identityStores.validate(new BearerTokenCredential(secret));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      TokenRefusal refusal = tokens.refusal(secret);
      refused(request, "scim", null, refusal);
      if (refusal.tenantId() != null) {
        scimRefusals.fire(
            new ScimTokenRefused(
                refusal,
                Instant.now(),
                request.getMethod(),
                request.getPathInfo() == null ? "/" : request.getPathInfo(),
                request.getQueryString(),
                request.getHeader("User-Agent")));
      }
      return JsonErrors.sendScimUnauthorized(
          response,
          "Bearer realm=\"" + SCIM_REALM + "\", error=\"invalid_token\"",
          "The bearer token is unknown, expired or revoked.");
    }
    if (result.getCallerPrincipal() instanceof ScimClientPrincipal principal) {
      request.setAttribute(ScimClient.class.getName(), principal.client());
    }
    return context.notifyContainerAboutLogin(result);
  }

  /** The access-check API: application keys only, never SCIM tokens or admin passwords. */
  private AuthenticationStatus appKey(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String secret = credentials(request, "Bearer");
    String challenge = "Bearer realm=\"" + APP_REALM + "\"";
    if (secret == null) {
      refused(request, "app", "missing", null);
      return JsonErrors.sendApiUnauthorized(response, challenge, "An application key is required.");
    }
    CredentialValidationResult result = identityStores.validate(new AppKeyCredential(secret));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      refused(request, "app", "invalid", null);
      return JsonErrors.sendApiUnauthorized(
          response,
          challenge + ", error=\"invalid_token\"",
          "The application key is unknown, expired or revoked.");
    }
    if (result.getCallerPrincipal() instanceof AppClientPrincipal principal) {
      request.setAttribute(AppClient.class.getName(), principal.client());
    }
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String encoded = credentials(request, "Basic");
    String challenge = "Basic realm=\"" + ADMIN_REALM + "\", charset=\"UTF-8\"";
    if (encoded == null) {
      return JsonErrors.sendApiUnauthorized(response, challenge, "Admin credentials are required.");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return JsonErrors.sendApiUnauthorized(response, challenge, "Malformed Basic credentials.");
    }
    String account = decoded.substring(0, colon);
    String address = clients.of(request);
    Optional<Instant> throttled = throttle.refusedUntil(account, address);
    if (throttled.isPresent()) {
      signIns.fire(
          new SignInAttempt(
              account, AdminCaller.Via.PASSWORD, address, SignInAttempt.Outcome.THROTTLED));
      return tooManyFailures(response, throttled.get());
    }
    CredentialValidationResult result =
        identityStores.validate(
            new UsernamePasswordCredential(account, new Password(decoded.substring(colon + 1))));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(account, address);
      signIns.fire(
          new SignInAttempt(
              account, AdminCaller.Via.PASSWORD, address, SignInAttempt.Outcome.FAILED));
      return JsonErrors.sendApiUnauthorized(
          response, challenge, "The username or password is not correct.");
    }
    throttle.succeeded(account);
    return signedIn(request, context, result, AdminCaller.Via.PASSWORD, address);
  }

  /**
   * An admin API token. Failures are throttled like passwords: per client address, and per token
   * lookup prefix in place of the account name (a token names no account before it is checked).
   */
  private AuthenticationStatus adminToken(
      String secret,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    String key = TokenSecret.lookupKey(secret);
    String address = clients.of(request);
    Optional<Instant> throttled = throttle.refusedUntil(key, address);
    if (throttled.isPresent()) {
      signIns.fire(
          new SignInAttempt(key, AdminCaller.Via.TOKEN, address, SignInAttempt.Outcome.THROTTLED));
      return tooManyFailures(response, throttled.get());
    }
    CredentialValidationResult result = identityStores.validate(new AdminTokenCredential(secret));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(key, address);
      signIns.fire(
          new SignInAttempt(key, AdminCaller.Via.TOKEN, address, SignInAttempt.Outcome.FAILED));
      return JsonErrors.sendApiUnauthorized(
          response,
          "Bearer realm=\"" + ADMIN_REALM + "\", error=\"invalid_token\"",
          "The admin token is unknown, expired or revoked, or its account is disabled.");
    }
    return signedIn(request, context, result, AdminCaller.Via.TOKEN, address);
  }

  private AuthenticationStatus signedIn(
      HttpServletRequest request,
      HttpMessageContext context,
      CredentialValidationResult result,
      AdminCaller.Via via,
      String address) {
    String username = result.getCallerPrincipal().getName();
    new AdminCaller(username, roleOf(result), via, address).attachTo(request);
    signIns.fire(new SignInAttempt(username, via, address, SignInAttempt.Outcome.SUCCEEDED));
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * Counts and logs a refused SCIM token or application key: with the SCIM token's reason, tenant
   * and prefix when it was one of ours (see {@link TokenService#refusal}). Admin sign-in failures
   * are logged by {@link SecurityEvents} from the {@link SignInAttempt} they fire.
   */
  private void refused(
      HttpServletRequest request, String plane, String reason, TokenRefusal refusal) {
    String why = refusal == null ? reason : refusal.reason().label();
    metrics.credentialRefused(plane, why);
    SecurityLog.Line line =
        SecurityLog.event("credential_refused").with("plane", plane).with("reason", why);
    if (refusal != null) {
      line.with("tenant", refusal.tenantId()).with("token", refusal.tokenPrefix());
    }
    line.with("client", clients.of(request)).with("request", RequestIds.of(request));
    // A request without credentials is routine (a probe, a misconfigured client); a wrong one is
    // what an operator alerts on. Either can be repeated without limit by anyone, so the same
    // refusal of the same client is written once a minute; the metric counts each.
    if (!"missing".equals(why)) {
      line.warning();
    }
    line.logOncePerMinute();
  }

  /** Refused before the password or token is hashed, so a flood of guesses costs no CPU. */
  private AuthenticationStatus tooManyFailures(HttpServletResponse response, Instant until) {
    response.setHeader("Retry-After", Long.toString(throttle.secondsUntil(until)));
    JsonErrors.write(
        response,
        429,
        "application/json",
        JsonErrors.apiBody(
            429, "Too many failed sign-ins; retry after the seconds in Retry-After."));
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AdminRole roleOf(CredentialValidationResult result) {
    return result.getCallerGroups().contains(Roles.OWNER) ? AdminRole.OWNER : AdminRole.AUDITOR;
  }

  /** The credentials of an {@code Authorization: <scheme> <credentials>} header, or null. */
  private static String credentials(HttpServletRequest request, String scheme) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= scheme.length() + 1) {
      return null;
    }
    // The scheme is case-insensitive (RFC 9110 §11.1).
    String prefix = header.substring(0, scheme.length()).toLowerCase(Locale.ROOT);
    if (!prefix.equals(scheme.toLowerCase(Locale.ROOT)) || header.charAt(scheme.length()) != ' ') {
      return null;
    }
    String value = header.substring(scheme.length() + 1).strip();
    return value.isEmpty() ? null : value;
  }
}
