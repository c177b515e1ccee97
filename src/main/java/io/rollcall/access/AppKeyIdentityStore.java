package io.rollcall.access;

import io.rollcall.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates application keys; SCIM tokens and admin passwords never pass here. */
@ApplicationScoped
public class AppKeyIdentityStore implements IdentityStore {

  @Inject AppKeyService keys;

  /** The principal of an access-check call: named after the key, carrying its scope. */
  public static class AppPrincipal extends CallerPrincipal {
    private static final long serialVersionUID = 1L;
    private final transient AppClient client;

    AppPrincipal(AppClient client) {
      super("app-key:" + client.keyId());
      this.client = client;
    }

    public AppClient client() {
      return client;
    }
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof AppKeyCredential key)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return keys.authenticate(key.secret())
        .map(c -> new CredentialValidationResult(new AppPrincipal(c), Set.of(Roles.APP_CLIENT)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
