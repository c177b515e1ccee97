package io.rollcall.security;

/** The authenticated caller of the access-check API: an application key and its tenant scope. */
public record AppClient(String keyId, String tenantId) {

  /** Whether the key may read the given tenant (a null scope covers every tenant). */
  public boolean covers(String tenant) {
    return tenantId == null || tenantId.equals(tenant);
  }
}
