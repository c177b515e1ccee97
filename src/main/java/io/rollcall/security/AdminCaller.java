package io.rollcall.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The admin behind the current request, as the authentication mechanism established it: the
 * account, its role at this moment, how they signed in, and the client address (see {@link
 * ClientAddresses}). The admin trail records it with every action.
 */
public record AdminCaller(String username, AdminRole role, Via via, String address) {

  /** How the admin authenticated this request. */
  public enum Via {
    PASSWORD("password"),
    TOKEN("token"),
    CONSOLE("console");

    private final String label;

    Via(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final String ATTRIBUTE = AdminCaller.class.getName();

  public boolean isOwner() {
    return role == AdminRole.OWNER;
  }

  /** The container roles: every admin's plus their role's. */
  Set<String> groups() {
    return Set.of(Roles.ADMIN, role.label());
  }

  void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  public static Optional<AdminCaller> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof AdminCaller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
