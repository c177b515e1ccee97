package io.rollcall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rollcall.events.EventKind;
import io.rollcall.events.EventNumbering;
import io.rollcall.events.EventOutbox;
import io.rollcall.events.EventRelay;
import io.rollcall.events.EventsWritten;
import io.rollcall.events.TenantEventCounter;
import io.rollcall.metrics.Metrics;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.testdb.IgnoredEvents;
import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery survives a crash: the position lives in the database, so a node that dies after the
 * receiver accepted an event but before its transaction committed sends that event again after the
 * restart, and every event arrives in order (at least once). Runs the real service on H2 and on
 * PostgreSQL.
 */
class WebhookDeliveryTest {

  /** The database this run uses; {@code WebhookDeliveryOnPostgresTest} repeats it on PostgreSQL. */
  TestDatabase database() {
    return TestDatabase.h2();
  }

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  private EntityManagerFactory factory;
  private HttpServer receiver;
  private final List<Long> received = Collections.synchronizedList(new ArrayList<>());
  private final List<Boolean> signaturesValid = Collections.synchronizedList(new ArrayList<>());
  private String secret;

  @BeforeEach
  void start() throws Exception {
    factory = database().migrated().entityManagerFactory();

    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher seq = SEQ.matcher(body);
          received.add(seq.find() ? Long.parseLong(seq.group(1)) : -1);
          signaturesValid.add(
              WebhookSignature.verify(
                  secret,
                  Long.parseLong(exchange.getRequestHeaders().getFirst("Rollcall-Timestamp")),
                  body,
                  exchange.getRequestHeaders().getFirst("Rollcall-Signature")));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    factory.close();
  }

  /** A fresh set of services on a fresh persistence context, as after a restart. */
  private WebhookService node(EntityManager em) throws ReflectiveOperationException {
    EventNumbering numbering = new EventNumbering();
    set(numbering, "em", em);
    EventRelay relay = new EventRelay();
    set(relay, "numbering", numbering);
    EventOutbox outbox = new EventOutbox();
    set(outbox, "em", em);
    set(outbox, "relay", relay);
    set(outbox, "written", new IgnoredEvents<EventsWritten>());
    TenantService tenants = new TenantService();
    set(tenants, "em", em);
    set(tenants, "events", outbox);
    WebhookService service = new WebhookService();
    service.em = em;
    service.tenants = tenants;
    service.events = outbox;
    service.timeout = "PT5S";
    service.allowPrivate = true; // the receiver runs on this machine
    return service;
  }

  /** The sender that makes attempts for these services, outside their transactions. */
  private static WebhookSender sender(WebhookService service) {
    WebhookSender sender = new WebhookSender();
    sender.webhooks = service;
    sender.metrics = Metrics.standalone();
    return sender;
  }

  private static void set(Object target, String field, Object value)
      throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void anEventAcceptedButNotCommittedBeforeACrashIsSentAgainAfterTheRestart() throws Exception {
    EntityManager first = factory.createEntityManager();
    WebhookService before = node(first);
    Tenant tenant = new Tenant("Acme", Instant.now());
    first.getTransaction().begin();
    first.persist(tenant);
    first.flush();
    first.persist(new TenantEventCounter(tenant.id()));
    secret =
        before
            .configure(tenant.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
            .signingSecret();
    EventOutbox outbox = before.events;
    for (int i = 0; i < 3; i++) {
      outbox.record(
          tenant.id(), EventKind.UPDATED, "user-1", "a@b.c", Map.of("n", i), Instant.now());
    }
    first.getTransaction().commit();

    // The receiver accepts event 1, then the node dies before committing the new position.
    first.getTransaction().begin();
    assertTrue(sender(before).deliverNext(tenant.id()));
    first.getTransaction().rollback();
    first.close();
    assertEquals(List.of(1L), received);

    // After the restart delivery resumes from the stored position.
    EntityManager second = factory.createEntityManager();
    WebhookService after = node(second);
    boolean more = true;
    while (more) {
      second.getTransaction().begin();
      more = sender(after).deliverNext(tenant.id());
      second.getTransaction().commit();
    }
    assertEquals(List.of(1L, 1L, 2L, 3L), received, "nothing lost, in order, at least once");
    assertTrue(signaturesValid.stream().allMatch(v -> v));
    assertEquals(3, after.find(tenant.id()).orElseThrow().deliveredSeq());
    second.close();
  }

  @Test
  void aTestEventReportsTheAnswerAndLeavesThePositionAndTheAttemptsAlone() throws Exception {
    receiver.removeContext("/hook");
    List<Integer> statuses = new ArrayList<>(List.of(204, 500));
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          bodies.add(body);
          signaturesValid.add(
              WebhookSignature.verify(
                  secret,
                  Long.parseLong(exchange.getRequestHeaders().getFirst("Rollcall-Timestamp")),
                  body,
                  exchange.getRequestHeaders().getFirst("Rollcall-Signature")));
          exchange.sendResponseHeaders(statuses.remove(0), -1);
          exchange.close();
        });
    EntityManager em = factory.createEntityManager();
    WebhookService service = node(em);
    Tenant tenant = new Tenant("Test events", Instant.now());
    em.getTransaction().begin();
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    secret =
        service
            .configure(tenant.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
            .signingSecret();
    service.events.record(tenant.id(), EventKind.UPDATED, "u", "x@y.z", Map.of(), Instant.now());
    em.getTransaction().commit();

    WebhookSender.TestOutcome accepted = sender(service).sendTest(tenant.id());
    assertTrue(accepted.accepted());
    assertEquals(204, accepted.status());
    assertTrue(accepted.describe().startsWith("HTTP 204 after "), accepted.describe());

    WebhookSender.TestOutcome refused = sender(service).sendTest(tenant.id());
    assertEquals(false, refused.accepted());
    assertEquals(500, refused.status());

    assertEquals(2, bodies.size());
    assertTrue(bodies.get(0).contains("\"kind\":\"test\""), bodies.get(0));
    assertEquals(false, bodies.get(0).contains("\"seq\""), "not an event of the stream");
    assertTrue(signaturesValid.stream().allMatch(v -> v), "signed like every event");
    Webhook webhook = service.find(tenant.id()).orElseThrow();
    assertEquals(0, webhook.deliveredSeq(), "the pending event is still next");
    assertEquals(0, webhook.attempts(), "a refused test is not a failed delivery");
    em.close();
  }

  @Test
  void aFailingReceiverIsRetriedWithBackoffAndNothingIsSkipped() throws Exception {
    receiver.removeContext("/hook");
    List<Integer> statuses = new ArrayList<>(List.of(500, 503));
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int status = statuses.isEmpty() ? 204 : statuses.remove(0);
          if (status == 204) {
            received.add(1L);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    EntityManager em = factory.createEntityManager();
    WebhookService service = node(em);
    Tenant tenant = new Tenant("Beta", Instant.now());
    em.getTransaction().begin();
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    service.configure(tenant.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    service.events.record(tenant.id(), EventKind.DELETED, "u", "x@y.z", Map.of(), Instant.now());
    em.getTransaction().commit();

    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    service.clock = java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC);
    em.getTransaction().begin();
    assertEquals(false, sender(service).deliverNext(tenant.id()));
    em.getTransaction().commit();
    Webhook failed = service.find(tenant.id()).orElseThrow();
    assertEquals(1, failed.attempts());
    assertEquals("HTTP 500", failed.lastError());
    assertEquals(t0.plusSeconds(2), failed.nextAttemptAt(), "first retry after 2 s");

    em.getTransaction().begin();
    assertEquals(false, sender(service).deliverNext(tenant.id()), "not due yet");
    em.getTransaction().commit();

    service.clock = java.time.Clock.fixed(t0.plusSeconds(2), java.time.ZoneOffset.UTC);
    em.getTransaction().begin();
    sender(service).deliverNext(tenant.id());
    em.getTransaction().commit();
    assertEquals(
        t0.plusSeconds(2 + 4),
        service.find(tenant.id()).orElseThrow().nextAttemptAt(),
        "then after 4 s");

    service.clock = java.time.Clock.fixed(t0.plusSeconds(6), java.time.ZoneOffset.UTC);
    em.getTransaction().begin();
    assertTrue(sender(service).deliverNext(tenant.id()));
    em.getTransaction().commit();
    assertEquals(List.of(1L), received);
    assertEquals(0, service.find(tenant.id()).orElseThrow().attempts());
    em.close();
  }

  @Test
  void aNameThatResolvesInsideTheNetworkAtDeliveryIsRefusedAndTheErrorSaysOnlyConnectionFailed()
      throws Exception {
    EntityManager em = factory.createEntityManager();
    WebhookService service = node(em);
    service.allowPrivate = false;
    // Public when saved, then the name is rebound to the receiver on this machine.
    service.resolver =
        host -> new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.216.34")};
    Tenant tenant = new Tenant("Gamma", Instant.now());
    em.getTransaction().begin();
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    service.configure(
        tenant.id(), "https://hooks.example.com:" + receiver.getAddress().getPort() + "/hook");
    service.events.record(tenant.id(), EventKind.DELETED, "u", "x@y.z", Map.of(), Instant.now());
    em.getTransaction().commit();

    service.resolver =
        host -> new java.net.InetAddress[] {java.net.InetAddress.getByName("127.0.0.1")};
    em.getTransaction().begin();
    assertEquals(false, sender(service).deliverNext(tenant.id()));
    em.getTransaction().commit();
    assertEquals(List.of(), received, "nothing reached the address inside the network");
    assertEquals("connection failed", service.find(tenant.id()).orElseThrow().lastError());
    em.close();
  }

  @Test
  void storedErrorsNameOnlyTheStatusOrConnectionFailed() throws Exception {
    EntityManager em = factory.createEntityManager();
    WebhookService service = node(em);
    Tenant tenant = new Tenant("Delta", Instant.now());
    em.getTransaction().begin();
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    service.configure(tenant.id(), "http://127.0.0.1:" + closedPort + "/hook");
    service.events.record(tenant.id(), EventKind.DELETED, "u", "x@y.z", Map.of(), Instant.now());
    em.getTransaction().commit();

    em.getTransaction().begin();
    assertEquals(false, sender(service).deliverNext(tenant.id()));
    em.getTransaction().commit();
    assertEquals("connection failed", service.find(tenant.id()).orElseThrow().lastError());
    em.close();
  }
}
