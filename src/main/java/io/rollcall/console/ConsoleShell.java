package io.rollcall.console;

import io.rollcall.security.ConsoleSessions;
import io.rollcall.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The frame around every console page: who is signed in, with which role, and signing out. */
@Named
@RequestScoped
public class ConsoleShell {

  @Inject SecurityContext security;

  public String getAdmin() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  /**
   * Owners see the forms that change things; an auditor's POST is refused anyway (ConsoleFilter).
   */
  public boolean isOwner() {
    return security.isCallerInRole(Roles.OWNER);
  }

  public String getRole() {
    return isOwner() ? Roles.OWNER : Roles.AUDITOR;
  }

  /** Ends the session entirely: a later request with its cookie is treated as signed out. */
  public String signOut() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    PageOutcomes.redirect(ConsoleSessions.SIGN_IN_PAGE + "?reason=signed-out");
    return null;
  }
}
