package io.rollcall.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal of an access-check call: named after the key, carrying its scope. */
public class AppClientPrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final transient AppClient client;

  public AppClientPrincipal(AppClient client) {
    super("app-key:" + client.keyId());
    this.client = client;
  }

  public AppClient client() {
    return client;
  }
}
