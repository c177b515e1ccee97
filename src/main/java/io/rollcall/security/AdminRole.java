package io.rollcall.security;

import io.rollcall.web.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an admin account may do. Each role is also a container role (see {@link Roles}); every admin
 * additionally has {@link Roles#ADMIN}, which opens the admin API and the console at all.
 */
public enum AdminRole {

  /** Everything, including managing the admin accounts. */
  OWNER(Roles.OWNER),

  /** Read-only: tenants, token metadata, users, the audit log and the admin trail. */
  AUDITOR(Roles.AUDITOR);

  private final String label;

  AdminRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static AdminRole of(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(r -> r.label.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("role must be \"owner\" or \"auditor\""));
  }
}
