package io.rollcall.console;

import io.rollcall.security.Roles;
import io.rollcall.security.SignInRefusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * The sign-in form. The password goes to the authentication mechanism, which checks the throttle
 * and the admin identity store and starts the session; this bean only reports the outcome.
 */
@Named
@RequestScoped
public class SignInPage {

  static final String HOME = "/console/tenants.xhtml";

  @Inject SecurityContext security;
  @Inject ConsoleTimes formats;

  private String username;
  private String password;
  private String reason;

  /** An admin who is already signed in goes straight to the console. */
  public void redirectIfSignedIn() {
    if (security.isCallerInRole(Roles.ADMIN)) {
      PageOutcomes.redirect(HOME);
    }
  }

  public String signIn() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    UsernamePasswordCredential credential =
        new UsernamePasswordCredential(
            username == null ? "" : username.strip(),
            new Password(password == null ? "" : password));
    password = null;
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS) {
      PageOutcomes.redirect(HOME);
      return null;
    }
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return null;
    }
    SignInRefusal refusal = SignInRefusal.of(request).orElse(new SignInRefusal(null, 0));
    if (refusal.locked()) {
      // The same signal the admin API gives, for scripts and proxies; people read the message.
      external.setResponseStatus(429);
      external.setResponseHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
      Duration wait = Duration.between(Clock.systemUTC().instant(), refusal.retryAt());
      PageOutcomes.error(
          "signin",
          "Too many failed sign-ins. Try again "
              + formats.until(refusal.retryAt())
              + (wait.toMinutes() < 1 ? "" : " (at " + formats.time(refusal.retryAt()) + ")")
              + ".");
    } else {
      PageOutcomes.error("signin", "The username or password is not correct.");
    }
    return null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** Why the sign-in page is shown: {@code signed-out} after signing out. */
  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
