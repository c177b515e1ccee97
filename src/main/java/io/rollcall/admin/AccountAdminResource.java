package io.rollcall.admin;

import io.rollcall.accounts.Account;
import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.AccountRow;
import io.rollcall.accounts.AccountUploads;
import io.rollcall.accounts.UploadReport;
import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.Roles;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import io.rollcall.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's account directory: bulk upsert (JSON array or CSV, streamed in batches, per-row
 * errors, idempotent) and listing.
 */
@Path("admin/tenants/{id}/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

  @Inject AccountDirectory directory;
  @Inject TenantService tenants;
  @Inject AccountUploads uploads;
  @Inject AdminTrail trail;

  public record AccountView(
      String id,
      String email,
      String displayName,
      String title,
      String department,
      String managerEmail,
      String employeeNumber,
      Instant updatedAt) {}

  public record AccountPage(long total, List<AccountView> accounts, String next) {}

  /**
   * Commits batch by batch on its own, so the trail records the upload once it has ended rather
   * than in one transaction with it.
   */
  @PUT
  @Consumes("*/*")
  @RolesAllowed(Roles.OWNER)
  public UploadReport upload(
      @PathParam("id") String tenantId,
      @HeaderParam("Content-Type") MediaType contentType,
      InputStream body) {
    tenants.get(tenantId);
    AccountUploads.Format format;
    if (contentType != null && "csv".equalsIgnoreCase(contentType.getSubtype())) {
      format = AccountUploads.Format.CSV;
    } else if (contentType == null
        || contentType.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
      format = AccountUploads.Format.JSON;
    } else {
      throw new InvalidInputException("send the accounts as application/json or text/csv");
    }
    AccountUploads.Format chosen = format;
    return trail.runSeparately(
        AdminAction.of("accounts.upload", tenantId).withDetail(chosen.name()),
        () -> uploads.load(tenantId, body, chosen),
        report ->
            AdminAction.of("accounts.upload", tenantId)
                .withDetail(
                    chosen.name()
                        + ": received "
                        + report.getReceived()
                        + ", created "
                        + report.getCreated()
                        + ", updated "
                        + report.getUpdated()
                        + ", unchanged "
                        + report.getUnchanged()
                        + ", rejected "
                        + report.getRejected()));
  }

  @GET
  public AccountPage list(
      @PathParam("id") String tenantId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    int size = (int) QueryParameters.number("limit", limit, 100, 1, 1000);
    List<Account> page = directory.page(tenantId, after, size);
    List<AccountView> views =
        page.stream()
            .map(
                a -> {
                  AccountRow r = a.row();
                  return new AccountView(
                      a.id(),
                      r.email(),
                      r.displayName(),
                      r.title(),
                      r.department(),
                      r.managerEmail(),
                      r.employeeNumber(),
                      a.updatedAt());
                })
            .toList();
    String next = page.size() == size ? page.get(page.size() - 1).email() : null;
    return new AccountPage(directory.count(tenantId), views, next);
  }
}
