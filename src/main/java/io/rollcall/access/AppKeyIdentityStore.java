package io.rollcall.access;

import io.rollcall.security.AppClientPrincipal;
import io.rollcall.security.AppKeyCredential;
import io.rollcall.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates application keys; SCIM tokens and admin passwords never pass here. */
@ApplicationScoped
public class AppKeyIdentityStore implements IdentityStore {

  @Inject AppKeyService keys;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof AppKeyCredential key)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return keys.authenticate(key.secret())
        .map(
            c ->
                new CredentialValidationResult(new AppClientPrincipal(c), Set.of(Roles.APP_CLIENT)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
