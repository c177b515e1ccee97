package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.AdminAccount;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.CurrentAdmin;
import io.rollcall.security.LastOwnerException;
import io.rollcall.security.UnknownAdminException;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The admin accounts, for owners only (web.xml): create one (with a chosen or a generated password,
 * shown once), make it an owner or an auditor, disable or enable it, delete it.
 */
@Named
@RequestScoped
public class AdminsPage {

  static final String HANDOVER_ID = "admins";

  @Inject AdminAccountService accounts;
  @Inject AdminTrail trail;
  @Inject CurrentAdmin current;
  @Inject SecretHandover handover;

  private List<AdminAccount> admins;
  private String newUsername;
  private String newRole = "auditor";
  private String newPassword;
  private String done;

  @PostConstruct
  void load() {
    admins = accounts.list();
  }

  public String create() {
    String password = newPassword == null || newPassword.isEmpty() ? null : newPassword;
    newPassword = null;
    String creator = current.required().username();
    try {
      AdminAccountService.Created created =
          trail.run(
              AdminAction.of("admin.create", newUsername).withDetail("role=" + newRole),
              () -> accounts.create(newUsername, newRole, password, creator),
              c ->
                  AdminAction.of("admin.create", c.account().username())
                      .withDetail(
                          "role="
                              + c.account().role().label()
                              + (c.generatedPassword() == null ? "" : ", password generated")));
      if (created.generatedPassword() == null) {
        return "admins?faces-redirect=true&done=created";
      }
      String key =
          handover.put(
              new SecretHandover.Secret(
                  HANDOVER_ID,
                  created.account().username(),
                  "Password of " + created.account().username(),
                  created.generatedPassword(),
                  null,
                  null,
                  created.account().createdAt()));
      return "admins?faces-redirect=true&id=" + HANDOVER_ID + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("create", e.getMessage());
      return null;
    }
  }

  public String makeOwner(String username) {
    return change(username, "owner", null, "role-changed");
  }

  public String makeAuditor(String username) {
    return change(username, "auditor", null, "role-changed");
  }

  public String disable(String username) {
    return change(username, null, false, "disabled");
  }

  public String enable(String username) {
    return change(username, null, true, "enabled");
  }

  private String change(String username, String role, Boolean enabled, String outcome) {
    String detail = role != null ? "role=" + role : "enabled=" + enabled;
    try {
      trail.run(
          AdminAction.of("admin.change", username).withDetail(detail),
          () -> accounts.change(username, role, enabled));
      return "admins?faces-redirect=true&done=" + outcome;
    } catch (InvalidInputException | LastOwnerException | UnknownAdminException e) {
      PageOutcomes.error("admins", e.getMessage());
      return null;
    }
  }

  public String delete(String username) {
    try {
      trail.run(
          AdminAction.of("admin.delete", username),
          () -> {
            accounts.delete(username);
            return username;
          });
      return "admins?faces-redirect=true&done=deleted";
    } catch (LastOwnerException | UnknownAdminException e) {
      PageOutcomes.error("admins", e.getMessage());
      return null;
    }
  }

  /** The confirmation after a redirect, from a fixed list (never echoing the parameter). */
  public String getNotice() {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "created" -> "Admin account created.";
      case "role-changed" -> "Role changed. It applies from the account's next request.";
      case "disabled" -> "Account disabled: its sessions and admin tokens stop working at once.";
      case "enabled" -> "Account enabled.";
      case "deleted" -> "Account deleted, with its admin tokens. Its trail entries stay.";
      default -> null;
    };
  }

  public List<AdminAccount> getAdmins() {
    return admins;
  }

  public String getMe() {
    return current.required().username();
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewRole() {
    return newRole;
  }

  public void setNewRole(String newRole) {
    this.newRole = newRole;
  }

  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }
}
