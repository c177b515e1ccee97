package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.Roles;
import io.rollcall.web.InvalidInputException;
import io.rollcall.webhooks.Webhook;
import io.rollcall.webhooks.WebhookSender;
import io.rollcall.webhooks.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's webhook: configure (the signing secret is shown once), watch delivery, pause, retry.
 */
@Path("admin/tenants/{id}/webhook")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookAdminResource {

  @Inject WebhookService webhooks;
  @Inject WebhookSender sender;
  @Inject AdminTrail trail;

  /** The receiver's answer to a test event: {@code status} 0 when there was none. */
  public record TestView(boolean accepted, int status, String error, long millis, String answer) {}

  public record NewWebhook(
      @Schema(required = true, description = "https, and not inside the network") String url) {}

  public record WebhookView(
      String url,
      @Schema(description = "Only in the answer that configures the webhook") String signingSecret,
      boolean paused,
      long deliveredSeq,
      long latestSeq,
      int failedAttempts,
      Instant nextAttemptAt,
      String lastError,
      Instant lastSuccessAt) {}

  @PUT
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "configureWebhook",
      summary = "Set the webhook's URL; the signing secret is in this answer only")
  @APIResponse(
      responseCode = "200",
      description = "The webhook with its signing secret.",
      content = @Content(schema = @Schema(ref = "WebhookView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response configure(
      @PathParam("id") String tenantId, @RequestBody(required = true) NewWebhook body) {
    if (body == null || body.url() == null) {
      throw new InvalidInputException("a JSON body with \"url\" is required");
    }
    // Only the host goes into the trail: a webhook URL's path or query is often a credential.
    WebhookService.Configured configured =
        trail.run(
            AdminAction.of("webhook.configure", tenantId).withDetail(hostOf(body.url())),
            () -> webhooks.configure(tenantId, body.url()));
    return Response.ok(view(tenantId, configured.webhook(), configured.signingSecret())).build();
  }

  @GET
  @Operation(operationId = "getWebhook", summary = "The webhook and how far delivery has got")
  public WebhookView status(@PathParam("id") String tenantId) {
    return view(tenantId, webhooks.find(tenantId).orElseThrow(NotFoundException::new), null);
  }

  @POST
  @Path("pause")
  @RolesAllowed(Roles.OWNER)
  @Operation(operationId = "pauseWebhook", summary = "Pause delivery")
  @APIResponse(
      responseCode = "200",
      description = "The webhook.",
      content = @Content(schema = @Schema(ref = "WebhookView")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public WebhookView pause(@PathParam("id") String tenantId) {
    return view(
        tenantId,
        trail.run(AdminAction.of("webhook.pause", tenantId), () -> webhooks.pause(tenantId)),
        null);
  }

  /** Resumes a paused webhook, or retries a failing one now instead of after its backoff. */
  @POST
  @Path("resume")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "resumeWebhook",
      summary = "Resume delivery, or retry a failing webhook now")
  @APIResponse(
      responseCode = "200",
      description = "The webhook.",
      content = @Content(schema = @Schema(ref = "WebhookView")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public WebhookView resume(@PathParam("id") String tenantId) {
    return view(
        tenantId,
        trail.run(AdminAction.of("webhook.resume", tenantId), () -> webhooks.resume(tenantId)),
        null);
  }

  /**
   * Sends a signed test event (kind {@code test}, not in the event stream, delivery position
   * unchanged) and answers with what the receiver said. The HTTP call runs outside any transaction;
   * the trail records the answer.
   */
  @POST
  @Path("test")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "testWebhook",
      summary = "Send a signed test event and show the receiver's answer")
  @APIResponse(
      responseCode = "200",
      description = "What the receiver answered.",
      content = @Content(schema = @Schema(ref = "TestView")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public TestView test(@PathParam("id") String tenantId) {
    AdminAction action = AdminAction.of("webhook.test", tenantId);
    WebhookSender.TestOutcome outcome =
        trail.runSeparately(
            action,
            () -> sender.sendTest(tenantId),
            o -> action.withDetail("receiver answered " + o.describe()));
    return new TestView(
        outcome.accepted(),
        outcome.status(),
        outcome.error(),
        outcome.millis(),
        outcome.describe());
  }

  @DELETE
  @RolesAllowed(Roles.OWNER)
  @Operation(operationId = "removeWebhook", summary = "Remove the webhook")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response remove(@PathParam("id") String tenantId) {
    trail.run(
        AdminAction.of("webhook.remove", tenantId),
        () -> {
          webhooks.remove(tenantId);
          return tenantId;
        });
    return Response.noContent().build();
  }

  /** The host of a URL as typed, or a placeholder when it has none. */
  static String hostOf(String url) {
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      return host == null ? "(no host)" : "host " + host;
    } catch (IllegalArgumentException e) {
      return "(not a URL)";
    }
  }

  private WebhookView view(String tenantId, Webhook w, String secret) {
    return new WebhookView(
        w.url(),
        secret,
        w.isPaused(),
        w.deliveredSeq(),
        webhooks.latestSeq(tenantId),
        w.attempts(),
        w.nextAttemptAt(),
        w.lastError(),
        w.lastSuccessAt());
  }
}
