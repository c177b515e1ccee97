package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.AdminToken;
import io.rollcall.security.AdminTokenService;
import io.rollcall.security.CurrentAdmin;
import io.rollcall.security.TokenStatus;
import io.rollcall.security.UnknownTokenException;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in admin's own account, open to every role: change the password, mint and revoke admin
 * API tokens (the secret is shown once, like a SCIM token's).
 */
@Named
@RequestScoped
public class AccountPage {

  /** The key under which this page's secrets wait in the {@link SecretHandover}. */
  static final String HANDOVER_ID = "me";

  @Inject CurrentAdmin current;
  @Inject AdminAccountService accounts;
  @Inject AdminTokenService tokens;
  @Inject AdminTrail trail;
  @Inject SecretHandover handover;

  /** One admin token as the page lists it. */
  public record Row(
      String id,
      String prefix,
      String description,
      String status,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean active) {}

  private String currentPassword;
  private String newPassword;
  private String confirmPassword;
  private String newDescription;
  private Integer newExpiryDays;
  private String done;
  private List<Row> rows;

  @PostConstruct
  void load() {
    Instant now = Clock.systemUTC().instant();
    rows =
        tokens.list(username()).stream()
            .map(
                (AdminToken t) ->
                    new Row(
                        t.id(),
                        t.prefix(),
                        t.description(),
                        t.status(now).label(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.lastUsedAt(),
                        t.status(now) == TokenStatus.ACTIVE))
            .toList();
  }

  private String username() {
    return current.required().username();
  }

  public String changePassword() {
    String typedCurrent = currentPassword;
    String typedNew = newPassword;
    currentPassword = null;
    newPassword = null;
    if (typedNew == null || !typedNew.equals(confirmPassword)) {
      confirmPassword = null;
      PageOutcomes.error("password", "The new password and its confirmation differ.");
      return null;
    }
    confirmPassword = null;
    String me = username();
    try {
      trail.run(
          AdminAction.of("admin.password-change", me),
          () -> {
            accounts.changePassword(me, typedCurrent, typedNew);
            return me;
          });
      return "account?faces-redirect=true&done=password";
    } catch (InvalidInputException e) {
      PageOutcomes.error("password", e.getMessage());
      return null;
    }
  }

  public String mint() {
    String me = username();
    try {
      AdminTokenService.MintedAdminToken minted =
          trail.run(
              AdminAction.of("admin-token.mint", me),
              () -> tokens.mint(me, newDescription, newExpiryDays),
              m ->
                  AdminAction.of("admin-token.mint", me)
                      .withDetail(TrailDetails.secret(m.token())));
      AdminToken t = minted.token();
      String key =
          handover.put(
              new SecretHandover.Secret(
                  HANDOVER_ID,
                  t.prefix(),
                  t.description(),
                  minted.secret(),
                  null,
                  null,
                  t.createdAt()));
      return "account?faces-redirect=true&id=" + HANDOVER_ID + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("mint", e.getMessage());
      return null;
    }
  }

  public String revoke(String tokenId) {
    String me = username();
    try {
      trail.run(
          AdminAction.of("admin-token.revoke", me).withDetail("token " + tokenId),
          () -> tokens.revoke(me, tokenId));
      return "account?faces-redirect=true&done=revoked";
    } catch (UnknownTokenException e) {
      PageOutcomes.error("tokens", "That token no longer exists.");
      return null;
    }
  }

  /** The confirmation after a redirect, from a fixed list (never echoing the parameter). */
  public String getNotice() {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "password" -> "Password changed. Use the new one from your next sign-in.";
      case "revoked" -> "Token revoked. Scripts using it get 401 from their next request.";
      default -> null;
    };
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getCurrentPassword() {
    return null;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmPassword() {
    return null;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }

  public String getNewDescription() {
    return newDescription;
  }

  public void setNewDescription(String newDescription) {
    this.newDescription = newDescription;
  }

  public Integer getNewExpiryDays() {
    return newExpiryDays;
  }

  public void setNewExpiryDays(Integer newExpiryDays) {
    this.newExpiryDays = newExpiryDays;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }
}
