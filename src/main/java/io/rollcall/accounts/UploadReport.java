package io.rollcall.accounts;

import java.util.ArrayList;
import java.util.List;

/** The outcome of an account upload: counts, and what was wrong with each refused row. */
public final class UploadReport {

  /** At most this many row errors are listed; the count covers them all. */
  static final int MAX_LISTED_ERRORS = 1000;

  public record RowError(long row, String email, String message) {}

  private long received;
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private final List<RowError> errors = new ArrayList<>();

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

  void add(UploadReport batch) {
    received += batch.received;
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
}
