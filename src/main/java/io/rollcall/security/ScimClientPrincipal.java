package io.rollcall.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal of a SCIM request: named after the tenant, carrying the token used. */
public class ScimClientPrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final transient ScimClient client;

  public ScimClientPrincipal(ScimClient client) {
    super(client.tenantId());
    this.client = client;
  }

  public ScimClient client() {
    return client;
  }
}
