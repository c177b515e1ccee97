package io.rollcall.users;

import io.rollcall.accounts.Account;
import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.UploadReport;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The transactions of an account upload, each short: a batch of rows, a batch of departures, a
 * batch of moves in the hierarchy. Access changes are written as events in the transaction that
 * makes them, as every other change of a person is.
 */
@Stateless
public class DirectoryBatches {

  @Inject AccountDirectory directory;
  @Inject UserRepository users;
  @Inject UserEvents events;

  /** Upserts one batch; a person who rejoins and has a SCIM user gets a {@code rejoined} event. */
  public UploadReport upsert(
      String tenantId, List<AccountDirectory.NumberedRow> batch, String syncId) {
    UploadReport report = directory.upsert(tenantId, batch, syncId);
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
    users.byUserNamesForUpdate(tenantId, gone).stream()
        .filter(UserRow::isActive)
        .forEach(events::departed);
    return gone;
  }

  /** Stores new places in the hierarchy. */
  public void move(String tenantId, List<AccountDirectory.Move> moves, Instant now) {
    directory.move(tenantId, moves, now);
  }
}
