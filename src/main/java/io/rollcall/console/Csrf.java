package io.rollcall.console;

import io.rollcall.security.ConsoleSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The CSRF token for the hidden field of every console form ({@code <rc:csrf/>}). */
@Named("csrf")
@RequestScoped
public class Csrf {

  @Inject HttpServletRequest request;
  @Inject ConsoleSessions sessions;

  public String getParameter() {
    return ConsoleSessions.CSRF_PARAMETER;
  }

  public String getToken() {
    return sessions.csrfToken(request.getSession(true));
  }
}
