package io.rollcall.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates admin usernames and passwords. SCIM tokens never pass here. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  @Inject AdminAccountService accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return accounts
        .verify(login.getCaller(), login.getPassword().getValue())
        .map(a -> new CredentialValidationResult(a.username(), Set.of(Roles.ADMIN)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
