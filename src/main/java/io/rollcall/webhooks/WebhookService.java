package io.rollcall.webhooks;

import io.rollcall.events.EventOutbox;
import io.rollcall.events.ProvisioningEvent;
import io.rollcall.platform.InvalidInputException;
import io.rollcall.security.TokenSecret;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configures tenants' webhooks and delivers their events: one event per transaction, in sequence
 * order, signed, with a timeout, and retried with backoff until the receiver answers 2xx. Delivery
 * runs on a timer, never on a SCIM request, so a slow receiver cannot slow the SCIM API.
 */
@Stateless
public class WebhookService {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;
  @Inject EventOutbox events;

  /** How long a receiver may take to answer before the attempt counts as failed. */
  @Inject
  @ConfigProperty(name = "rollcall.webhooks.timeout", defaultValue = "PT10S")
  String timeout;

  Clock clock = Clock.systemUTC();

  /** The result of configuring: the signing secret is returned only when a new one was made. */
  public record Configured(Webhook webhook, String signingSecret) {}

  /**
   * Sets the tenant's webhook URL. A new webhook gets a signing secret (returned this once) and
   * starts after the events that already exist.
   */
  public Configured configure(String tenantId, String url) {
    tenants.get(tenantId);
    Webhook existing = em.find(Webhook.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (existing != null) {
      existing.changeUrl(url);
      return new Configured(existing, null);
    }
    List<ProvisioningEvent> latest = events.latest(tenantId);
    long start = latest.isEmpty() ? 0 : latest.get(0).seq();
    String secret = TokenSecret.generate("rcw_");
    Webhook webhook = new Webhook(tenantId, url, secret, start, clock.instant());
    em.persist(webhook);
    return new Configured(webhook, secret);
  }

  public Optional<Webhook> find(String tenantId) {
    tenants.get(tenantId);
    return Optional.ofNullable(em.find(Webhook.class, tenantId));
  }

  public Webhook pause(String tenantId) {
    Webhook webhook = required(tenantId);
    webhook.pause();
    return webhook;
  }

  /** Resumes a paused webhook and retries a failing one at once. */
  public Webhook resume(String tenantId) {
    Webhook webhook = required(tenantId);
    webhook.resume(clock.instant());
    return webhook;
  }

  public void remove(String tenantId) {
    em.remove(required(tenantId));
  }

  public long latestSeq(String tenantId) {
    List<ProvisioningEvent> latest = events.latest(tenantId);
    return latest.isEmpty() ? 0 : latest.get(0).seq();
  }

  public List<String> tenantsWithWebhooks() {
    return em.createQuery("SELECT w.tenantId FROM Webhook w WHERE w.paused = 0", String.class)
        .getResultList();
  }

  /**
   * Tries to deliver the tenant's next event. Returns true when one was delivered (so there may be
   * more), false when nothing is due, nothing is pending or the attempt failed.
   */
  public boolean deliverNext(String tenantId) {
    Webhook webhook = em.find(Webhook.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (webhook == null || !webhook.isDue(now)) {
      return false;
    }
    List<ProvisioningEvent> next = events.after(tenantId, webhook.deliveredSeq(), 1);
    if (next.isEmpty()) {
      return false;
    }
    ProvisioningEvent event = next.get(0);
    String body = body(event);
    long timestamp = now.getEpochSecond();
    try {
      HttpResponse<Void> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(webhook.url()))
                  .timeout(Duration.parse(timeout))
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "Rollcall-Webhooks/1")
                  .header("Rollcall-Event-Id", event.id())
                  .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                  .header(
                      WebhookSignature.SIGNATURE_HEADER,
                      WebhookSignature.sign(webhook.signingSecret(), timestamp, body))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        webhook.delivered(event.seq(), clock.instant());
        return true;
      }
      webhook.failed("HTTP " + response.statusCode(), clock.instant());
    } catch (IOException e) {
      webhook.failed(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      webhook.failed("interrupted", clock.instant());
    } catch (IllegalArgumentException e) {
      webhook.failed("invalid URL", clock.instant());
    }
    return false;
  }

  static String body(ProvisioningEvent event) {
    return Json.createObjectBuilder()
        .add("id", event.id())
        .add("seq", event.seq())
        .add("tenantId", event.tenantId())
        .add("kind", event.kind())
        .add("occurredAt", event.occurredAt().toString())
        .add("scimUserId", event.scimUserId())
        .add("email", event.email() == null ? "" : event.email())
        .add("changes", Json.createReader(new StringReader(event.changes())).readObject())
        .build()
        .toString();
  }

  private Webhook required(String tenantId) {
    tenants.get(tenantId);
    Webhook webhook = em.find(Webhook.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (webhook == null) {
      throw new InvalidInputException("this tenant has no webhook");
    }
    return webhook;
  }
}
