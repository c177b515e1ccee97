package io.rollcall.accounts;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of an account upload: counts, what was wrong with each refused row, who departed or
 * rejoined, what the hierarchy looks like and how many people's permission groups changed.
 */
@JsonbPropertyOrder({
  "mode",
  "received",
  "created",
  "updated",
  "unchanged",
  "rejected",
  "errors",
  "rejoined",
  "missing",
  "departureLimit",
  "departuresRefused",
  "departed",
  "departedEmails",
  "hierarchy",
  "permissionsChanged"
})
@Schema(description = "What an account upload did.")
public final class UploadReport {

  /** How the upload was applied. */
  public enum Mode {
    /** Adds and updates accounts; never departs anyone (the default). */
    UPSERT,
    /** The upload is the whole directory: current accounts missing from it depart. */
    REPLACE
  }

  /** What the directory's managerEmail column draws, after the upload. */
  public record Hierarchy(
      long managers,
      long missingManagerCount,
      List<OrgChart.MissingManager> missingManagers,
      long cycleCount,
      List<List<String>> cycles) {}

  /** At most this many row errors are listed; the count covers them all. */
  static final int MAX_LISTED_ERRORS = 1000;

  public record RowError(long row, String email, String message) {}

  private long received;
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private final List<RowError> errors = new ArrayList<>();

  @Schema(
      type = SchemaType.STRING,
      implementation = String.class,
      enumeration = {"upsert", "replace"})
  private Mode mode = Mode.UPSERT;

  private long rejoined;

  @Schema(hidden = true)
  private final List<String> rejoinedEmails = new ArrayList<>();

  private long missing;
  private long departureLimit;
  private boolean departuresRefused;
  private long departed;
  private final List<String> departedEmails = new ArrayList<>();
  private Hierarchy hierarchy;
  private long permissionsChanged;

  void received(long n) {
    received += n;
  }

  void created() {
    created++;
  }

  void updated() {
    updated++;
  }

  void unchanged() {
    unchanged++;
  }

  void reject(long row, String email, String message) {
    rejected++;
    if (errors.size() < MAX_LISTED_ERRORS) {
      errors.add(new RowError(row, email, message));
    }
  }

  void rejoined(String email) {
    rejoined++;
    rejoinedEmails.add(email);
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  /**
   * The full sync missed {@code missing} current accounts, and may depart at most {@code limit}.
   */
  public void departures(long missing, long limit, boolean refused) {
    this.missing = missing;
    this.departureLimit = limit;
    this.departuresRefused = refused;
  }

  public void departed(String email) {
    departed++;
    if (departedEmails.size() < MAX_LISTED_ERRORS) {
      departedEmails.add(email);
    }
  }

  public void hierarchy(Hierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  public void permissionsChanged(long n) {
    permissionsChanged += n;
  }

  public void add(UploadReport batch) {
    received += batch.received;
    rejoined += batch.rejoined;
    created += batch.created;
    updated += batch.updated;
    unchanged += batch.unchanged;
    rejected += batch.rejected;
    for (RowError e : batch.errors) {
      if (errors.size() < MAX_LISTED_ERRORS) {
        errors.add(e);
      }
    }
  }

  public String getMode() {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  public long getReceived() {
    return received;
  }

  public long getCreated() {
    return created;
  }

  public long getUpdated() {
    return updated;
  }

  public long getUnchanged() {
    return unchanged;
  }

  public long getRejected() {
    return rejected;
  }

  public List<RowError> getErrors() {
    return errors;
  }

  /** Accounts of this batch that had departed and are back; not part of the report's JSON. */
  @JsonbTransient
  public List<String> getRejoinedEmails() {
    return rejoinedEmails;
  }

  public long getRejoined() {
    return rejoined;
  }

  /** Replace mode: current accounts the upload did not contain. */
  public long getMissing() {
    return missing;
  }

  /** Replace mode: the most accounts this upload may depart without {@code force=true}. */
  public long getDepartureLimit() {
    return departureLimit;
  }

  public boolean isDeparturesRefused() {
    return departuresRefused;
  }

  public long getDeparted() {
    return departed;
  }

  /** The first 1,000 departed emails. */
  public List<String> getDepartedEmails() {
    return departedEmails;
  }

  public Hierarchy getHierarchy() {
    return hierarchy;
  }

  public long getPermissionsChanged() {
    return permissionsChanged;
  }
}
