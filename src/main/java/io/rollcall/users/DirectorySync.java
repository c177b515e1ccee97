package io.rollcall.users;

import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.AccountUploads;
import io.rollcall.accounts.OrgChart;
import io.rollcall.accounts.UploadReport;
import io.rollcall.database.Leases;
import io.rollcall.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An HR upload of the account directory, from the file to the people's permission groups:
 *
 * <ol>
 *   <li>the rows are streamed and upserted in batches (a departed person in the file rejoins);
 *   <li>in {@code replace} mode the upload is the whole directory: current accounts it did not
 *       contain depart, unless that would be more than the safety limit and the upload is not
 *       forced;
 *   <li>the hierarchy is drawn again from {@code managerEmail};
 *   <li>the rules are evaluated again for the people whose account changed in steps 1–3, in
 *       batches, with {@code permissions_changed} events.
 * </ol>
 *
 * Each step commits in short transactions of its own, so an upload of any size never holds a long
 * transaction nor all of a tenant's users in memory.
 */
@ApplicationScoped
public class DirectorySync {

  @Inject TenantService tenants;
  @Inject AccountDirectory directory;
  @Inject DirectoryBatches batches;
  @Inject Leases leases;
  @Inject UserLifecycle lifecycle;

  /** The largest share of the current directory one full sync may depart without force. */
  @Inject
  @ConfigProperty(name = "rollcall.hr-sync.max-departed-share", defaultValue = "0.1")
  double maxDepartedShare;

  /** A full sync may always depart this many, however small the directory. */
  @Inject
  @ConfigProperty(name = "rollcall.hr-sync.min-departures", defaultValue = "10")
  long minDepartures;

  Clock clock = Clock.systemUTC();

  /**
   * Longest an upload may hold its tenant's lease: a node that dies mid-upload blocks the tenant's
   * next upload until then. Far above the time of the largest upload measured (100,000 rows).
   */
  static final Duration UPLOAD_LEASE = Duration.ofMinutes(30);

  private final Set<String> uploadingHere = ConcurrentHashMap.newKeySet();

  /**
   * Loads one upload; one at a time per tenant across the cluster (a lease row, and a set for this
   * node, whose own lease claims always succeed), else {@link UploadInProgressException}.
   */
  public UploadReport load(
      String tenantId,
      InputStream body,
      AccountUploads.Format format,
      UploadReport.Mode mode,
      boolean force) {
    tenants.get(tenantId);
    String lease = "accounts-upload:" + tenantId;
    if (!uploadingHere.add(tenantId)) {
      throw new UploadInProgressException();
    }
    try {
      if (!leases.claim(lease, UPLOAD_LEASE)) {
        throw new UploadInProgressException();
      }
      try {
        return loadAlone(tenantId, body, format, mode, force);
      } finally {
        leases.release(lease);
      }
    } finally {
      uploadingHere.remove(tenantId);
    }
  }

  private UploadReport loadAlone(
      String tenantId,
      InputStream body,
      AccountUploads.Format format,
      UploadReport.Mode mode,
      boolean force) {
    // Millisecond precision: every database here stores at least that much of updated_at.
    Instant since = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String syncId = mode == UploadReport.Mode.REPLACE ? UUID.randomUUID().toString() : null;
    UploadReport report = new UploadReport();
    report.mode(mode);
    AccountUploads.read(body, format, batch -> report.add(batches.upsert(tenantId, batch, syncId)));
    if (syncId != null) {
      depart(tenantId, syncId, force, report);
    }
    chart(tenantId, report);
    String after = "";
    while (after != null) {
      UserLifecycle.Batch batch = lifecycle.recomputeChangedAccounts(tenantId, since, after);
      report.permissionsChanged(batch.changed());
      after = batch.lastId();
    }
    return report;
  }

  /** The most accounts a full sync may depart without force, given the current directory. */
  long departureLimit(long current) {
    return Math.max(minDepartures, (long) Math.floor(maxDepartedShare * current));
  }

  private void depart(String tenantId, String syncId, boolean force, UploadReport report) {
    long missing = directory.missingFrom(tenantId, syncId);
    long limit = departureLimit(directory.currentCount(tenantId));
    long contained = report.getCreated() + report.getUpdated() + report.getUnchanged();
    // An upload without a single good row is never a whole directory, whatever its size.
    boolean refused = !force && missing > 0 && (missing > limit || contained == 0);
    report.departures(missing, limit, refused);
    if (refused || missing == 0) {
      return;
    }
    List<String> gone;
    do {
      gone = batches.depart(tenantId, syncId, AccountDirectory.BATCH_SIZE);
      gone.forEach(report::departed);
    } while (gone.size() == AccountDirectory.BATCH_SIZE);
  }

  /** Draws the hierarchy of the current accounts and stores the places that moved. */
  private void chart(String tenantId, UploadReport report) {
    List<AccountDirectory.Placed> placed = directory.placements(tenantId);
    OrgChart chart =
        OrgChart.of(
            placed.stream()
                .filter(p -> !p.departed())
                .map(p -> new OrgChart.Person(p.email(), p.managerEmail()))
                .toList());
    long managers = 0;
    List<AccountDirectory.Move> moves = new ArrayList<>();
    for (AccountDirectory.Placed p : placed) {
      OrgChart.Position position =
          p.departed() ? new OrgChart.Position(0, null) : chart.position(p.email());
      if (position.directReports() > 0) {
        managers++;
      }
      if (position.directReports() != p.directReports()
          || !Objects.equals(position.level(), p.level())) {
        moves.add(new AccountDirectory.Move(p.id(), position.directReports(), position.level()));
      }
    }
    Instant now = clock.instant();
    for (int from = 0; from < moves.size(); from += AccountDirectory.BATCH_SIZE) {
      batches.move(
          tenantId,
          moves.subList(from, Math.min(moves.size(), from + AccountDirectory.BATCH_SIZE)),
          now);
    }
    report.hierarchy(
        new UploadReport.Hierarchy(
            managers,
            chart.missingManagers(),
            chart.listedMissingManagers(),
            chart.cycles(),
            chart.listedCycles()));
  }
}
