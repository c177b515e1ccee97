package io.rollcall.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * Loads an account upload of any size: streams it and commits it batch by batch, so memory stays
 * bounded and a bad row never rejects the good ones. Used by the admin API and the console.
 */
@ApplicationScoped
public class AccountUploads {

  /** How the upload is written. */
  public enum Format {
    JSON,
    CSV
  }

  @Inject AccountDirectory directory;

  public UploadReport load(String tenantId, InputStream body, Format format) {
    UploadReport report = new UploadReport();
    AccountUploadReader reader =
        new AccountUploadReader(
            AccountDirectory.BATCH_SIZE, batch -> report.add(directory.upsert(tenantId, batch)));
    if (format == Format.CSV) {
      reader.readCsv(body);
    } else {
      reader.readJson(body);
    }
    return report;
  }
}
