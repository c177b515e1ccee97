package io.rollcall.accounts;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an account upload of any size and hands it on in batches of {@link
 * AccountDirectory#BATCH_SIZE} rows, so memory stays bounded; the caller commits each batch on its
 * own, so a bad row never rejects the good ones.
 */
public final class AccountUploads {

  /** How the upload is written. */
  public enum Format {
    JSON,
    CSV
  }

  private AccountUploads() {}

  /** Streams the upload into {@code batches}; returns the number of rows read. */
  public static long read(
      InputStream body, Format format, Consumer<List<AccountDirectory.NumberedRow>> batches) {
    AccountUploadReader reader = new AccountUploadReader(AccountDirectory.BATCH_SIZE, batches);
    return format == Format.CSV ? reader.readCsv(body) : reader.readJson(body);
  }
}
