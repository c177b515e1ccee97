package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.ScimToken;
import io.rollcall.security.TokenService;
import io.rollcall.security.TokenService.MintedToken;
import io.rollcall.security.TokenService.Rotation;
import io.rollcall.security.TokenStatus;
import io.rollcall.security.UnknownTokenException;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import io.rollcall.web.PublicUrls;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's page: its SCIM base URL, its tokens (create, revoke, rotate) and the identity provider
 * setup guides. Confirmation steps are plain links ({@code &revoke=}, {@code &rotate=}); only the
 * final button of each changes anything.
 */
@Named
@ViewScoped
public class TenantPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Tokens not used for this long are flagged as candidates for revocation. */
  static final Duration UNUSED_FLAG = Duration.ofDays(30);

  @Inject TenantService tenants;
  @Inject TokenService tokens;
  @Inject PublicUrls urls;
  @Inject SecretHandover handover;
  @Inject AdminTrail trail;

  /** One token in the list. */
  public record TokenRow(
      String id,
      String prefix,
      String description,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String status,
      boolean scheduled,
      boolean unused)
      implements Serializable {

    public boolean isActive() {
      return TokenStatus.ACTIVE.label().equals(status);
    }
  }

  // The view parameters must not share a name with a form id: a form posts its id as a parameter.
  private String id;
  private String revokeId;
  private String rotateId;
  private String done;

  private String name;
  private boolean active;
  private boolean accessOnly;
  private String openGuide;
  private String scimBaseUrl;
  private List<TokenRow> rows = List.of();

  private String newDescription;
  private Integer newExpiryDays = 365;
  private Integer graceMinutes = 24 * 60;

  /** Runs on the first GET: an unknown tenant is a 404. */
  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    if (tenant.isEmpty()) {
      PageOutcomes.fail(404);
      return;
    }
    name = tenant.get().name();
    active = tenant.get().isActive();
    accessOnly = tenant.get().provisioningMode() == ProvisioningMode.ACCESS_ONLY;
    openGuide = tenant.get().idpProfile().guide().orElse(null);
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    scimBaseUrl = urls.scimBaseUrlUnder(urls.root(request));
    Instant now = Clock.systemUTC().instant();
    rows = tokens.list(id).stream().map(t -> row(t, now)).toList();
  }

  private static TokenRow row(ScimToken t, Instant now) {
    return new TokenRow(
        t.id(),
        t.prefix(),
        t.description(),
        t.createdAt(),
        t.expiresAt(),
        t.lastUsedAt(),
        t.revokedAt(),
        t.status(now).label(),
        t.revocationScheduled(now),
        t.unusedFor(UNUSED_FLAG, now));
  }

  public String mint() {
    try {
      MintedToken minted =
          trail.run(
              AdminAction.of("scim-token.mint", id),
              () -> tokens.mint(id, newDescription, newExpiryDays),
              m ->
                  AdminAction.of("scim-token.mint", id).withDetail(TrailDetails.secret(m.token())));
      ScimToken t = minted.token();
      String key =
          handover.put(
              new SecretHandover.Secret(
                  id, t.prefix(), t.description(), minted.secret(), null, null, t.createdAt()));
      return here() + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("mint", e.getMessage());
      return null;
    }
  }

  public String revoke() {
    try {
      trail.run(
          AdminAction.of("scim-token.revoke", id).withDetail("token " + revokeId),
          () -> {
            tokens.revoke(id, revokeId);
            return revokeId;
          });
      return here() + "&done=revoked";
    } catch (UnknownTokenException e) {
      PageOutcomes.error("revoke-form", "That token no longer exists.");
      return null;
    }
  }

  public String rotate() {
    try {
      Rotation rotation =
          trail.run(
              AdminAction.of("scim-token.rotate", id).withDetail("token " + rotateId),
              () -> tokens.rotate(id, rotateId, graceMinutes, null, null),
              r ->
                  AdminAction.of("scim-token.rotate", id)
                      .withDetail(
                          "token "
                              + rotateId
                              + " revoked at "
                              + r.replaced().revokedAt()
                              + ", replaced by "
                              + TrailDetails.secret(r.replacement().token())));
      ScimToken t = rotation.replacement().token();
      String key =
          handover.put(
              new SecretHandover.Secret(
                  id,
                  t.prefix(),
                  t.description(),
                  rotation.replacement().secret(),
                  rotation.replaced().prefix(),
                  rotation.replaced().revokedAt(),
                  t.createdAt()));
      return here() + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("rotate-form", e.getMessage());
      return null;
    } catch (UnknownTokenException e) {
      PageOutcomes.error("rotate-form", "That token no longer exists.");
      return null;
    }
  }

  private String here() {
    return "tenant?faces-redirect=true&id=" + id;
  }

  /** The token waiting for confirmation of its revocation, if the link asked for one. */
  public TokenRow getRevoking() {
    return activeRow(revokeId);
  }

  /** The token being rotated, if the link asked for one. */
  public TokenRow getRotating() {
    return activeRow(rotateId);
  }

  private TokenRow activeRow(String tokenId) {
    return rows.stream()
        .filter(r -> r.id().equals(tokenId) && r.isActive())
        .findFirst()
        .orElse(null);
  }

  /** The confirmation after a redirect, from a fixed list (never echoing the parameter). */
  public String getNotice() {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "created" -> "Tenant created. Next: create a token for its identity provider.";
      case "revoked" -> "Token revoked. Requests with it now get 401.";
      default -> null;
    };
  }

  public boolean hasActiveTokens() {
    return rows.stream().anyMatch(TokenRow::isActive);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getRevokeId() {
    return revokeId;
  }

  public void setRevokeId(String revokeId) {
    this.revokeId = revokeId;
  }

  public String getRotateId() {
    return rotateId;
  }

  public void setRotateId(String rotateId) {
    this.rotateId = rotateId;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  /**
   * Access-only tenants: people must exist in the account directory before the IdP assigns them.
   */
  public boolean isAccessOnly() {
    return accessOnly;
  }

  /**
   * The HTML {@code open} attribute of a setup guide: {@code "open"} for the guide of the tenant's
   * identity provider, else empty, which Facelets leaves out of the element altogether.
   *
   * @param guide the guide's name ({@code okta}, {@code entra}, …)
   */
  public String guideOpen(String guide) {
    return guide.equals(openGuide) ? "open" : "";
  }

  public String getScimBaseUrl() {
    return scimBaseUrl;
  }

  public List<TokenRow> getRows() {
    return rows;
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

  public Integer getGraceMinutes() {
    return graceMinutes;
  }

  public void setGraceMinutes(Integer graceMinutes) {
    this.graceMinutes = graceMinutes;
  }
}
