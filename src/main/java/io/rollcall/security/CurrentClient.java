package io.rollcall.security;

import io.rollcall.tenant.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The tenant (and token) of the current SCIM request: the single place every tenant-scoped query
 * takes its tenant from. It comes from the authenticated bearer token, never from the request
 * itself, so no parameter or body can point a query at another tenant.
 */
@RequestScoped
public class CurrentClient {

  @Inject HttpServletRequest request;

  public ScimClient client() {
    Object client = request.getAttribute(ScimClient.class.getName());
    if (client instanceof ScimClient c) {
      return c;
    }
    throw new IllegalStateException("no authenticated SCIM client on this request");
  }

  public String tenantId() {
    return client().tenantId();
  }

  /** The caller's tenant as the request's authentication read it (see {@link ScimClient}). */
  public Tenant tenant() {
    return client().tenant();
  }
}
