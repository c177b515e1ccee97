package io.rollcall.users;

import io.rollcall.accounts.Account;
import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.UploadReport;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The transactions of an account upload, each short: a batch of rows, a batch of departures, a
 * batch of moves in the hierarchy. Access changes are written as events in the transaction that
 * makes them, as every other change of a person is — in access-only tenants, the only ones whose
 * access the directory decides.
 */
@Stateless
public class DirectoryBatches {

  @Inject AccountDirectory directory;
  @Inject UserRepository users;
  @Inject UserEvents events;
  @Inject TenantService tenants;

  /** Upserts one batch; a person who rejoins and has a SCIM user gets a {@code rejoined} event. */
  public UploadReport upsert(
      String tenantId, List<AccountDirectory.NumberedRow> batch, String syncId) {
    UploadReport report = directory.upsert(tenantId, batch, syncId);
    if (!decidesAccess(tenantId)) {
      return report;
    }
    for (String email : report.getRejoinedEmails()) {
      users.findByUserNameForUpdate(tenantId, email).ifPresent(events::rejoined);
    }
    return report;
  }

  /**
   * Departs up to {@code limit} accounts the full sync did not contain; each one whose SCIM user
   * had access gets a {@code departed} event. Returns the departed emails.
   */
  public List<String> depart(String tenantId, String syncId, int limit) {
    List<String> gone =
        directory.departBatch(tenantId, syncId, limit).stream().map(Account::email).toList();
    if (!decidesAccess(tenantId)) {
      return gone;
    }
    users.byUserNamesForUpdate(tenantId, gone).stream()
        .filter(UserRow::isActive)
        .forEach(events::departed);
    return gone;
  }

  /** Only in access-only tenants does the directory decide access, so only there are events. */
  private boolean decidesAccess(String tenantId) {
    return tenants.get(tenantId).provisioningMode() == ProvisioningMode.ACCESS_ONLY;
  }

  /** Stores new places in the hierarchy. */
  public void move(String tenantId, List<AccountDirectory.Move> moves, Instant now) {
    directory.move(tenantId, moves, now);
  }
}
