package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.web.InvalidInputException;
import io.rollcall.webhooks.Webhook;
import io.rollcall.webhooks.WebhookService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;

/**
 * The tenant's webhook on the settings page: its URL, the signing secret shown once after it is
 * created (handed over like a token's secret), delivery status, and pause / resume.
 */
@Named
@ViewScoped
public class WebhookPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SettingsPage settings;
  @Inject WebhookService webhooks;
  @Inject SecretHandover handover;
  @Inject AdminTrail trail;

  /** Delivery status as the page shows it. */
  public record Status(
      String url,
      boolean paused,
      long deliveredSeq,
      long latestSeq,
      int failedAttempts,
      Instant nextAttemptAt,
      String lastError,
      Instant lastSuccessAt)
      implements Serializable {

    public long getPending() {
      return Math.max(0, latestSeq - deliveredSeq);
    }
  }

  private Status status;
  private String url;

  public void load() {
    if (settings.getCurrentName() == null) {
      return;
    }
    String tenantId = settings.getId();
    status = webhooks.find(tenantId).map(w -> status(w, webhooks.latestSeq(tenantId))).orElse(null);
    url = status == null ? null : status.url();
  }

  private static Status status(Webhook w, long latestSeq) {
    return new Status(
        w.url(),
        w.isPaused(),
        w.deliveredSeq(),
        latestSeq,
        w.attempts(),
        w.nextAttemptAt(),
        w.lastError(),
        w.lastSuccessAt());
  }

  /** Creates the webhook (its secret is then shown once) or changes its URL. */
  public String configure() {
    String tenantId = settings.getId();
    try {
      String requested = url == null ? "" : url;
      WebhookService.Configured configured =
          trail.run(
              AdminAction.of("webhook.configure", tenantId)
                  .withDetail(TrailDetails.host(requested)),
              () -> webhooks.configure(tenantId, requested));
      if (configured.signingSecret() == null) {
        return here() + "&done=webhook-saved";
      }
      String secret = configured.signingSecret();
      String key =
          handover.put(
              new SecretHandover.Secret(
                  tenantId,
                  secret.substring(0, Math.min(12, secret.length())),
                  "Webhook signing secret",
                  secret,
                  null,
                  null,
                  Clock.systemUTC().instant()));
      return here() + "&shown=" + key;
    } catch (InvalidInputException e) {
      PageOutcomes.error("webhook-form:url", e.getMessage());
      return null;
    }
  }

  public String pause() {
    String tenantId = settings.getId();
    trail.run(AdminAction.of("webhook.pause", tenantId), () -> webhooks.pause(tenantId));
    return here() + "&done=webhook-paused";
  }

  /** Resumes a paused webhook, or retries a failing one now instead of after its backoff. */
  public String resume() {
    String tenantId = settings.getId();
    trail.run(AdminAction.of("webhook.resume", tenantId), () -> webhooks.resume(tenantId));
    return here() + "&done=webhook-resumed";
  }

  private String here() {
    return "settings?faces-redirect=true&id=" + settings.getId();
  }

  public Status getStatus() {
    return status;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
