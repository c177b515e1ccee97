package io.rollcall.console;

import io.rollcall.accounts.Account;
import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.AccountRow;
import io.rollcall.accounts.AccountUploads;
import io.rollcall.accounts.UploadReport;
import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.users.DirectorySync;
import io.rollcall.users.UploadInProgressException;
import io.rollcall.web.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant's account directory on the settings page: how many accounts, a CSV upload (an upsert,
 * or a full HR sync that departs whoever the file leaves out) and a short list. The upload is
 * streamed from the request's temporary file into {@link DirectorySync}, which commits it in
 * batches, so a file of any size is never held in memory.
 */
@Named
@ViewScoped
public class AccountsPanel implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AccountsPanel.class.getName());

  static final int PAGE_SIZE = 10;

  @Inject SettingsPage settings;
  @Inject AccountDirectory directory;
  @Inject DirectorySync sync;
  @Inject AdminTrail trail;

  /** One account in the list. */
  public record Row(
      String email,
      String displayName,
      String title,
      String department,
      int directReports,
      Integer level,
      boolean departed,
      Instant updatedAt)
      implements Serializable {}

  private String after;
  private long count;
  private List<Row> rows = List.of();
  private String next;
  private transient Part file;
  private boolean replace;
  private boolean force;
  private UploadReport report;

  public void load() {
    String tenantId = settings.getId();
    if (tenantId == null || settings.getCurrentName() == null) {
      return;
    }
    count = directory.count(tenantId);
    List<Account> page = directory.page(tenantId, after, PAGE_SIZE);
    rows = page.stream().map(AccountsPanel::row).toList();
    next = page.size() == PAGE_SIZE ? page.get(page.size() - 1).email() : null;
  }

  private static Row row(Account account) {
    AccountRow data = account.row();
    return new Row(
        data.email(),
        data.displayName(),
        data.title(),
        data.department(),
        account.hr().directReports(),
        account.hr().level(),
        account.isDeparted(),
        account.updatedAt());
  }

  /** Loads the chosen CSV file and shows its report on this page. */
  public String upload() {
    if (file == null || file.getSize() == 0) {
      PageOutcomes.error("upload", "Choose a CSV file to upload.");
      return null;
    }
    try (InputStream csv = file.getInputStream()) {
      String tenantId = settings.getId();
      UploadReport.Mode mode = replace ? UploadReport.Mode.REPLACE : UploadReport.Mode.UPSERT;
      boolean forced = replace && force;
      report =
          trail.runSeparately(
              AdminAction.of("accounts.upload", tenantId).withDetail("CSV " + mode),
              () -> sync.load(tenantId, csv, AccountUploads.Format.CSV, mode, forced),
              r -> AdminAction.of("accounts.upload", tenantId).withDetail(TrailDetails.upload(r)));
      force = false;
    } catch (InvalidInputException | UploadInProgressException e) {
      PageOutcomes.error("upload", e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Account upload could not be read", e);
      PageOutcomes.error("upload", "The file could not be read. Try again.");
    } finally {
      try {
        file.delete();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Temporary upload file not deleted", e);
      }
      file = null;
    }
    after = null;
    load();
    return null;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public long getCount() {
    return count;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getNext() {
    return next;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  /** Whether the file is the whole directory (a full HR sync). */
  public boolean isReplace() {
    return replace;
  }

  public void setReplace(boolean replace) {
    this.replace = replace;
  }

  /** Whether a full sync may depart more people than the safety limit allows. */
  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }

  /** The report of the upload just made on this page, if any. */
  public UploadReport getReport() {
    return report;
  }
}
