package io.rollcall.console;

import io.rollcall.access.AppKey;
import io.rollcall.access.AppKeyService;
import io.rollcall.access.AppKeyService.MintedKey;
import io.rollcall.access.UnknownAppKeyException;
import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.TokenStatus;
import io.rollcall.web.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The tenant's application keys on the settings page: the secrets with which the host application
 * calls the access-check API for this tenant. Only keys scoped to this tenant are listed or revoked
 * here; keys for every tenant stay with the admin API. A new key's secret is handed over once, like
 * a SCIM token's; revoking goes through a confirmation link ({@code &revoke-key=}).
 */
@Named
@ViewScoped
public class AppKeysPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SettingsPage settings;
  @Inject AppKeyService keys;
  @Inject SecretHandover handover;
  @Inject AdminTrail trail;

  /** One key in the list. */
  public record KeyRow(
      String id,
      String prefix,
      String description,
      String status,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt)
      implements Serializable {

    public boolean isActive() {
      return TokenStatus.ACTIVE.label().equals(status);
    }
  }

  // Not named like a form id: a form posts its id as a parameter.
  private String revokeId;
  private List<KeyRow> rows = List.of();
  private String newDescription;
  private Integer newExpiryDays;

  public void load() {
    if (settings.getCurrentName() == null) {
      return;
    }
    Instant now = Clock.systemUTC().instant();
    rows = keys.listForTenant(settings.getId()).stream().map(k -> row(k, now)).toList();
  }

  private static KeyRow row(AppKey k, Instant now) {
    return new KeyRow(
        k.id(),
        k.prefix(),
        k.description(),
        k.status(now).label(),
        k.createdAt(),
        k.expiresAt(),
        k.lastUsedAt());
  }

  public String mint() {
    String tenantId = settings.getId();
    try {
      MintedKey minted =
          trail.run(
              AdminAction.of("app-key.mint", tenantId),
              () -> keys.mint(tenantId, newDescription, newExpiryDays),
              m ->
                  AdminAction.of("app-key.mint", tenantId)
                      .withDetail(TrailDetails.secret(m.key())));
      AppKey k = minted.key();
      String key =
          handover.put(
              new SecretHandover.Secret(
                  tenantId,
                  k.prefix(),
                  k.description(),
                  minted.secret(),
                  null,
                  null,
                  k.createdAt()));
      return here() + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("app-key-mint", e.getMessage());
      return null;
    }
  }

  public String revoke() {
    try {
      String tenantId = settings.getId();
      trail.run(
          AdminAction.of("app-key.revoke", revokeId).withDetail("tenant " + tenantId),
          () -> {
            keys.revokeForTenant(tenantId, revokeId);
            return revokeId;
          });
      return here() + "&done=app-key-revoked";
    } catch (UnknownAppKeyException e) {
      PageOutcomes.error("app-key-revoke", "That application key no longer exists.");
      return null;
    }
  }

  private String here() {
    return "settings?faces-redirect=true&id=" + settings.getId();
  }

  /** The key waiting for confirmation of its revocation, if the link asked for one. */
  public KeyRow getRevoking() {
    return rows.stream()
        .filter(r -> r.id().equals(revokeId) && r.isActive())
        .findFirst()
        .orElse(null);
  }

  public List<KeyRow> getRows() {
    return rows;
  }

  public String getRevokeId() {
    return revokeId;
  }

  public void setRevokeId(String revokeId) {
    this.revokeId = revokeId;
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
}
