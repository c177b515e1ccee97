package io.rollcall.users;

import io.rollcall.accounts.Account;
import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.HrRecord;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the HR records that belong with SCIM users: in an access-only tenant the account with the
 * user's email. Always read from the database (one query per batch), never cached, so every node of
 * a cluster sees an upload at once.
 */
@ApplicationScoped
public class People {

  @Inject AccountDirectory accounts;

  boolean hasHrRecords(Tenant tenant) {
    return tenant.provisioningMode() == ProvisioningMode.ACCESS_ONLY;
  }

  /** The HR record of one user, if the tenant keeps them and the account exists. */
  Optional<HrRecord> hrRecord(Tenant tenant, UserRow user) {
    if (!hasHrRecords(tenant)) {
      return Optional.empty();
    }
    return accounts.find(tenant.id(), user.userName()).map(Account::hr);
  }

  /** The HR records of a batch of users, by user id, in one query. */
  Map<String, HrRecord> hrRecords(Tenant tenant, List<UserRow> batch) {
    Map<String, HrRecord> found = new HashMap<>();
    if (!hasHrRecords(tenant) || batch.isEmpty()) {
      return found;
    }
    Map<String, Account> byKey =
        accounts.byKeys(
            tenant.id(), batch.stream().map(u -> CaseFolding.fold(u.userName())).toList());
    for (UserRow user : batch) {
      Account account = byKey.get(CaseFolding.fold(user.userName()));
      if (account != null) {
        found.put(user.id(), account.hr());
      }
    }
    return found;
  }
}
