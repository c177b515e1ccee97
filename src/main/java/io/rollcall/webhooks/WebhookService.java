package io.rollcall.webhooks;

import io.rollcall.events.EventOutbox;
import io.rollcall.events.ProvisioningEvent;
import io.rollcall.security.TokenSecret;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configures tenants' webhooks and keeps their delivery position: which event is next, and what
 * became of each attempt (in sequence order, retried with backoff until the receiver answers 2xx).
 * The attempts themselves are made by {@link WebhookSender}, outside any transaction.
 *
 * <p>A URL is checked when it is saved and again at every delivery, which connects to the very
 * addresses it checked (see {@link WebhookDestination}): a name that later resolves inside the
 * network is refused then.
 */
@Stateless
public class WebhookService {

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
   * How many committed events each tenant's webhook has yet to deliver (paused ones included: a
   * paused webhook falling behind is what an operator wants to see).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, Long> backlogs() {
    Map<String, Long> backlogs = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT w.tenantId, c.lastSeq - w.deliveredSeq"
                    + " FROM Webhook w, TenantEventCounter c WHERE c.tenantId = w.tenantId",
                Object[].class)
            .getResultList()) {
      backlogs.put((String) row[0], Math.max(0, ((Number) row[1]).longValue()));
    }
    return backlogs;
  }

  /** What one attempt sends: the event, where to and signed with what. */
  public record Delivery(
      String tenantId, String url, String signingSecret, long seq, String eventId, String body) {}

  /**
   * The tenant's next event to send, if its webhook is active, due and behind. Reads only: the
   * attempt itself runs outside any transaction (see {@link WebhookSender}).
   */
  public Optional<Delivery> nextDelivery(String tenantId) {
    Webhook webhook = em.find(Webhook.class, tenantId);
    if (webhook == null || !webhook.isDue(clock.instant())) {
      return Optional.empty();
    }
    List<ProvisioningEvent> next = events.after(tenantId, webhook.deliveredSeq(), 1);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    ProvisioningEvent event = next.get(0);
    return Optional.of(
        new Delivery(
            tenantId,
            webhook.url(),
            webhook.signingSecret(),
            event.seq(),
            event.id(),
            body(event)));
  }

  /**
   * A signed test event for the tenant's webhook, paused or not: kind {@code test}, no {@code seq},
   * never stored and never moving the delivery position. Refused when there is no webhook.
   */
  public Delivery testDelivery(String tenantId) {
    Webhook webhook =
        find(tenantId).orElseThrow(() -> new InvalidInputException("this tenant has no webhook"));
    String id = java.util.UUID.randomUUID().toString();
    String body =
        Json.createObjectBuilder()
            .add("id", id)
            .add("tenantId", tenantId)
            .add("kind", "test")
            .add("occurredAt", clock.instant().toString())
            .add("changes", Json.createObjectBuilder())
            .build()
            .toString();
    return new Delivery(tenantId, webhook.url(), webhook.signingSecret(), 0, id, body);
  }

  /**
   * Stores how an attempt ended: the receiver accepted the event ({@code error} null) or not. An
   * outcome that arrives after the position moved past the event (another node delivered it
   * meanwhile) changes nothing. Returns whether the position advanced.
   */
  public boolean recordOutcome(String tenantId, long seq, String error) {
    Webhook webhook = em.find(Webhook.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (webhook == null || webhook.deliveredSeq() >= seq) {
      return false;
    }
    if (error == null) {
      webhook.delivered(seq, clock.instant());
      return true;
    }
    webhook.failed(error, clock.instant());
    return false;
  }

  /** The receiver's address as checked at delivery (see {@link WebhookDestination}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public WebhookDestination destination(String url) throws WebhookDestination.Refused {
    return WebhookDestination.of(url, allowPrivate, resolver);
  }

  /** How long a receiver may take to answer. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Duration timeout() {
    return Duration.parse(timeout);
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
