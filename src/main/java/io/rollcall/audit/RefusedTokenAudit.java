package io.rollcall.audit;

import io.rollcall.security.ScimTokenRefused;
import io.rollcall.security.TokenRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Puts a SCIM request refused for one of the tenant's own tokens into the tenant's audit log, with
 * status 401 and why ({@code token_revoked}, {@code token_expired}, {@code tenant_disabled}): the
 * first thing an admin needs to see when their IdP "stopped working". Such requests never reach the
 * {@link AuditFilter}, which records only requests that got past authentication.
 */
@ApplicationScoped
public class RefusedTokenAudit {

  @Inject AuditQueue queue;

  void record(@Observes ScimTokenRefused refused) {
    if (!AuditFeature.enabled()) {
      return;
    }
    TokenRefusal refusal = refused.refusal();
    queue.offer(
        new AuditRecord(
            refusal.tenantId(),
            refused.at(),
            refusal.tokenPrefix(),
            refused.method(),
            refused.path(),
            null,
            401,
            null,
            0,
            AuditFilter.otherParameters(refused.rawQuery()),
            refused.userAgent(),
            code(refusal.reason())));
  }

  static String code(TokenRefusal.Reason reason) {
    return switch (reason) {
      case REVOKED -> "token_revoked";
      case EXPIRED -> "token_expired";
      case TENANT_DISABLED -> "tenant_disabled";
      case MALFORMED, UNKNOWN -> "invalid_token";
    };
  }
}
