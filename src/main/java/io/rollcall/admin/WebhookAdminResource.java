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

/**
 * A tenant's webhook: configure (the signing secret is shown once), watch delivery, pause, retry.
 */
@Path("admin/tenants/{id}/webhook")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookAdminResource {

  @Inject WebhookService webhooks;
  @Inject WebhookSender sender;
  @Inject AdminTrail trail;

  /** The receiver's answer to a test event: {@code status} 0 when there was none. */
  public record TestView(boolean accepted, int status, String error, long millis, String answer) {}

  public record NewWebhook(String url) {}

  public record WebhookView(
      String url,
      String signingSecret,
      boolean paused,
      long deliveredSeq,
      long latestSeq,
      int failedAttempts,
      Instant nextAttemptAt,
      String lastError,
      Instant lastSuccessAt) {}

  @PUT
  @RolesAllowed(Roles.OWNER)
  public Response configure(@PathParam("id") String tenantId, NewWebhook body) {
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
  public WebhookView status(@PathParam("id") String tenantId) {
    return view(tenantId, webhooks.find(tenantId).orElseThrow(NotFoundException::new), null);
  }

  @POST
  @Path("pause")
  @RolesAllowed(Roles.OWNER)
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
