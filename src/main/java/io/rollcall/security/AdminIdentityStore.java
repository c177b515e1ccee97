package io.rollcall.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Validates admin passwords and admin API tokens. The groups are {@link Roles#ADMIN} and the
 * account's role, read from the database on each validation, so a role change applies at once. SCIM
 * tokens and application keys never pass here.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  @Inject AdminAccountService accounts;
  @Inject AdminTokenService tokens;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    Optional<AdminAccount> account;
    if (credential instanceof UsernamePasswordCredential login) {
      account = accounts.verify(login.getCaller(), login.getPassword().getValue());
    } else if (credential instanceof AdminTokenCredential token) {
      account = tokens.authenticate(token.secret());
    } else {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return account
        .map(
            a ->
                new CredentialValidationResult(a.username(), Set.of(Roles.ADMIN, a.role().label())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
