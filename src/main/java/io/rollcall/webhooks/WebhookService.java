package io.rollcall.webhooks;

import io.rollcall.events.EventOutbox;
import io.rollcall.events.ProvisioningEvent;
import io.rollcall.security.TokenSecret;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configures tenants' webhooks and delivers their events: one event per transaction, in sequence
 * order, signed, with a timeout, and retried with backoff until the receiver answers 2xx. Delivery
 * runs on a timer, never on a SCIM request, so a slow receiver cannot slow the SCIM API.
 *
 * <p>A URL is checked when it is saved and again at every delivery, which connects to the very
 * addresses it checked (see {@link WebhookDestination}): a name that later resolves inside the
 * network is refused then.
 */
@Stateless
public class WebhookService {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  static final String CONNECTION_FAILED = "connection failed";

  private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;
  @Inject EventOutbox events;

  /** How long a receiver may take to answer before the attempt counts as failed. */
  @Inject
  @ConfigProperty(name = "rollcall.webhooks.timeout", defaultValue = "PT10S")
  String timeout;

  /**
   * Lets webhooks use {@code http} and reach loopback, private and other internal addresses: for
   * development and tests only, where the receiver runs next to Rollcall.
   */
  @Inject
  @ConfigProperty(name = "rollcall.webhooks.allow-private", defaultValue = "false")
  boolean allowPrivate;

  WebhookDestination.Resolver resolver = WebhookDestination.SYSTEM_DNS;

  Clock clock = Clock.systemUTC();

  /** The result of configuring: the signing secret is returned only when a new one was made. */
  public record Configured(Webhook webhook, String signingSecret) {}

  /**
   * Sets the tenant's webhook URL. A new webhook gets a signing secret (returned this once) and
   * starts after the events that already exist.
   */
  public Configured configure(String tenantId, String requestedUrl) {
    tenants.get(tenantId);
    String url = WebhookDestination.checkForSaving(requestedUrl, allowPrivate, resolver);
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
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Rollcall-Webhooks/1");
    headers.put("Rollcall-Event-Id", event.id());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(
        WebhookSignature.SIGNATURE_HEADER,
        WebhookSignature.sign(webhook.signingSecret(), timestamp, body));
    // The stored error says only the status, "timeout" or "connection failed": anything more
    // (an exception's text, what answered) would turn deliveries into a scanner of the network.
    try {
      WebhookDestination destination = WebhookDestination.of(webhook.url(), allowPrivate, resolver);
      int status =
          WebhookClient.post(destination, headers, body, CONNECT_TIMEOUT, Duration.parse(timeout));
      if (status / 100 == 2) {
        webhook.delivered(event.seq(), clock.instant());
        return true;
      }
      webhook.failed("HTTP " + status, clock.instant());
    } catch (WebhookDestination.Refused e) {
      LOG.info(
          "Webhook of tenant "
              + tenantId
              + " refused at delivery: "
              + e.internalReason()
              + " (see rollcall.webhooks.allow-private)");
      webhook.failed(CONNECTION_FAILED, clock.instant());
    } catch (SocketTimeoutException e) {
      webhook.failed("timeout", clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Webhook delivery of tenant " + tenantId + " failed", e);
      webhook.failed(CONNECTION_FAILED, clock.instant());
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
