package io.rollcall.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates SCIM bearer tokens; the caller principal is the token's tenant. */
@ApplicationScoped
public class ScimTokenIdentityStore implements IdentityStore {

  @Inject TokenService tokens;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerTokenCredential bearer)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return tokens
        .authenticate(bearer.secret())
        .map(
            client ->
                new CredentialValidationResult(
                    new ScimClientPrincipal(client), Set.of(Roles.SCIM_CLIENT)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
