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
import io.rollcall.users.DirectorySync;
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
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's account directory: bulk upload (JSON array or CSV, streamed in batches, per-row
 * errors, idempotent) as an upsert or, with {@code mode=replace}, as a full HR sync; and listing.
 */
@Path("admin/tenants/{id}/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountAdminResource {

  @Inject AccountDirectory directory;
  @Inject TenantService tenants;
  @Inject DirectorySync sync;
  @Inject AdminTrail trail;

  public record AccountView(
      String id,
      String email,
      String displayName,
      String title,
      String department,
      String managerEmail,
      String employeeNumber,
      Integer directReports,
      Integer level,
      Instant departedAt,
      Instant updatedAt) {}

  public record AccountPage(
      long total,
      List<AccountView> accounts,
      @Schema(description = "Pass as `after` for the next page; absent on the last") String next) {}

  /**
   * Commits batch by batch on its own, so the trail records the upload once it has ended rather
   * than in one transaction with it. A full sync whose departures exceed the safety limit answers
   * 409 with the report: its rows are loaded, nobody departed.
   */
  @PUT
  @Consumes("*/*")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "uploadAccounts",
      summary = "Upload the account directory (a JSON array or CSV)")
  @APIResponse(
      responseCode = "200",
      description = "The upload report.",
      content = @Content(schema = @Schema(ref = "UploadReport")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(
      responseCode = "409",
      description =
          "A full sync would depart more people than the safety limit: the rows are loaded,"
              + " nobody departed; repeat with `force=true` to depart them.",
      content = @Content(schema = @Schema(ref = "UploadReport")))
  public Response upload(
      @PathParam("id") String tenantId,
      @Parameter(hidden = true) @HeaderParam("Content-Type") MediaType contentType,
      @Parameter(schema = @Schema(enumeration = {"upsert", "replace"})) @QueryParam("mode")
          String modeText,
      @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("force") String forceText,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
              })
          InputStream body) {
    tenants.get(tenantId);
    UploadReport.Mode mode = mode(modeText);
    boolean force = flag("force", forceText);
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
    String what =
        chosen.name() + " " + mode.name().toLowerCase(Locale.ROOT) + (force ? " forced" : "");
    UploadReport done =
        trail.runSeparately(
            AdminAction.of("accounts.upload", tenantId).withDetail(what),
            () -> sync.load(tenantId, body, chosen, mode, force),
            report ->
                AdminAction.of("accounts.upload", tenantId)
                    .withDetail(
                        what
                            + ": received "
                            + report.getReceived()
                            + ", created "
                            + report.getCreated()
                            + ", updated "
                            + report.getUpdated()
                            + ", unchanged "
                            + report.getUnchanged()
                            + ", rejected "
                            + report.getRejected()
                            + ", departed "
                            + report.getDeparted()
                            + (report.isDeparturesRefused()
                                ? ", departures refused (" + report.getMissing() + " missing)"
                                : "")));
    return Response.status(done.isDeparturesRefused() ? 409 : 200).entity(done).build();
  }

  private static UploadReport.Mode mode(String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("upsert")) {
      return UploadReport.Mode.UPSERT;
    }
    if (text.equalsIgnoreCase("replace")) {
      return UploadReport.Mode.REPLACE;
    }
    throw new InvalidInputException("mode must be upsert (the default) or replace");
  }

  private static boolean flag(String name, String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
      return false;
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    throw new InvalidInputException(name + " must be true or false");
  }

  @GET
  @Operation(operationId = "listAccounts", summary = "The account directory, by email")
  @APIResponse(
      responseCode = "200",
      description = "One page of accounts.",
      content = @Content(schema = @Schema(ref = "AccountPage")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public AccountPage list(
      @PathParam("id") String tenantId,
      @Parameter(description = "The `next` of the previous page") @QueryParam("after") String after,
      @Parameter(description = "1 to 1000; 100 when left out") @QueryParam("limit") String limit) {
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
                      a.hr().directReports(),
                      a.hr().level(),
                      a.departedAt(),
                      a.updatedAt());
                })
            .toList();
    String next = page.size() == size ? page.get(page.size() - 1).email() : null;
    return new AccountPage(directory.count(tenantId), views, next);
  }
}
