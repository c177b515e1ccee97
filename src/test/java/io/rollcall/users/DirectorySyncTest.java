package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.accounts.AccountDirectory;
import io.rollcall.accounts.AccountUploads;
import io.rollcall.accounts.HrRecord;
import io.rollcall.accounts.UploadReport;
import io.rollcall.database.Leases;
import io.rollcall.events.EventOutbox;
import io.rollcall.events.TenantEventCounter;
import io.rollcall.json.ScimJson;
import io.rollcall.permissions.PermissionService;
import io.rollcall.permissions.RulesChanged;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.testdb.IgnoredEvents;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HR upload on a real database, from the file to the people's permission groups and events: the
 * first guide's rules from HR data alone, leadership from the hierarchy, full syncs that depart and
 * bring back, and the safety limit. On H2 here, on PostgreSQL in {@code
 * DirectorySyncOnPostgresTest}. Each bean call runs in a transaction of its own, as the container
 * runs them.
 */
class DirectorySyncTest {

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;
  private static final String HR = StandardSchemas.HR_USER;

  private EntityManagerFactory factory;
  private String tenantId;
  private DirectorySync sync;

  @BeforeEach
  void start() {
    factory = database().migrated().entityManagerFactory();
    tenantId =
        Transactions.inNew(
            factory,
            em -> {
              Tenant tenant = new Tenant("Acme", Instant.now());
              tenant.provisionIn(ProvisioningMode.ACCESS_ONLY);
              em.persist(tenant);
              em.flush();
              em.persist(new TenantEventCounter(tenant.id()));
              return tenant.id();
            });
    Transactions.inNew(
        factory,
        em ->
            permissions(em)
                .replace(
                    tenantId,
                    List.of(
                        new PermissionService.RuleInput(
                            ENTERPRISE + ":department eq \"Finance\"", "Finance"),
                        new PermissionService.RuleInput("title co \"Manager\"", "Team Lead"),
                        new PermissionService.RuleInput(
                            HR + ":isManager eq true and " + HR + ":level le 1", "Admin"))));
    sync = new DirectorySync();
    sync.maxDepartedShare = 0.1;
    sync.minDepartures = 10;
    sync.tenants =
        new TenantService() {
          @Override
          public Tenant get(String id) {
            return Transactions.inNew(factory, em -> tenants(em).get(id));
          }
        };
    sync.directory =
        new AccountDirectory() {
          @Override
          public long missingFrom(String tenant, String syncId) {
            return Transactions.inNew(factory, em -> directory(em).missingFrom(tenant, syncId));
          }

          @Override
          public long currentCount(String tenant) {
            return Transactions.inNew(factory, em -> directory(em).currentCount(tenant));
          }

          @Override
          public List<Placed> placements(String tenant) {
            return Transactions.inNew(factory, em -> directory(em).placements(tenant));
          }
        };
    sync.batches =
        new DirectoryBatches() {
          @Override
          public UploadReport upsert(
              String tenant, List<AccountDirectory.NumberedRow> batch, String syncId) {
            return Transactions.inNew(factory, em -> batches(em).upsert(tenant, batch, syncId));
          }

          @Override
          public List<String> depart(String tenant, String syncId, int limit) {
            return Transactions.inNew(factory, em -> batches(em).depart(tenant, syncId, limit));
          }

          @Override
          public void move(String tenant, List<AccountDirectory.Move> moves, Instant now) {
            Transactions.inNew(
                factory,
                em -> {
                  batches(em).move(tenant, moves, now);
                  return null;
                });
          }
        };
    // The lease is another node's concern (LeasesTest); here this node always gets it unless a
    // test says another node holds it.
    sync.leases =
        new Leases() {
          @Override
          public boolean claim(String name, Duration length) {
            return !heldElsewhere;
          }

          @Override
          public void release(String name) {}
        };
    sync.lifecycle =
        new UserLifecycle() {
          @Override
          public Batch recomputeChangedAccounts(String tenant, Instant since, String afterId) {
            return Transactions.inNew(
                factory, em -> lifecycle(em).recomputeChangedAccounts(tenant, since, afterId));
          }
        };
  }

  private volatile boolean heldElsewhere;

  @AfterEach
  void stop() {
    factory.close();
  }

  @Test
  void theGuidesRulesWorkFromHrDataAloneWithEvents() {
    String ann = scimUser("ann@acme.com");
    String bob = scimUser("bob@acme.com");
    String ceo = scimUser("ceo@acme.com");

    UploadReport report =
        upload(
            UploadReport.Mode.UPSERT,
            false,
            "email,title,department,managerEmail",
            "ceo@acme.com,Chief Executive,Board,",
            "ann@acme.com,Finance Manager,Finance,ceo@acme.com",
            "bob@acme.com,Accountant,Finance,ann@acme.com");

    assertEquals(3, report.getCreated());
    assertEquals(2, report.getHierarchy().managers());
    assertEquals(3, report.getPermissionsChanged());
    assertEquals(List.of("Admin"), groups(ceo));
    assertEquals(List.of("Admin", "Finance", "Team Lead"), groups(ann));
    assertEquals(List.of("Finance"), groups(bob));
    assertEquals(3, events("permissions_changed").size());

    UploadReport again =
        upload(
            UploadReport.Mode.UPSERT,
            false,
            "email,title,department,managerEmail",
            "ceo@acme.com,Chief Executive,Board,",
            "ann@acme.com,Finance Manager,Finance,ceo@acme.com",
            "bob@acme.com,Accountant,Finance,ann@acme.com");
    assertEquals(3, again.getUnchanged());
    assertEquals(0, again.getPermissionsChanged(), "nothing changed, nobody re-evaluated");
    assertEquals(3, events("permissions_changed").size());

    upload(
        UploadReport.Mode.UPSERT,
        false,
        "email,title,department,managerEmail",
        "bob@acme.com,Accountant,Legal,ann@acme.com");
    assertEquals(List.of(), groups(bob), "a change of HR data alone changes the groups");
  }

  @Test
  void aFullSyncDepartsWhoTheFileLeavesOutAndALaterUploadBringsThemBack() {
    String ann = scimUser("ann@acme.com");
    String bob = scimUser("bob@acme.com");
    upload(
        UploadReport.Mode.UPSERT,
        false,
        "email,title,department,managerEmail",
        "ceo@acme.com,Chief Executive,Board,",
        "ann@acme.com,Finance Manager,Finance,ceo@acme.com",
        "bob@acme.com,Accountant,Finance,ann@acme.com");
    assertEquals(List.of("Admin", "Finance", "Team Lead"), groups(ann));

    UploadReport replace =
        upload(
            UploadReport.Mode.REPLACE,
            false,
            "email,title,department,managerEmail",
            "ceo@acme.com,Chief Executive,Board,",
            "ANN@acme.com,Finance Manager,Finance,ceo@acme.com");

    assertEquals("replace", replace.getMode());
    assertEquals(1, replace.getMissing());
    assertEquals(1, replace.getDeparted());
    assertEquals(List.of("bob@acme.com"), replace.getDepartedEmails());
    assertTrue(hr("bob@acme.com").departed());
    assertEquals(List.of(), groups(bob), "a departed person earns no groups");
    assertEquals(List.of("Finance", "Team Lead"), groups(ann), "ann manages nobody now");
    List<Object[]> departed = events("departed");
    assertEquals(1, departed.size());
    assertEquals(bob, departed.get(0)[1]);

    UploadReport back =
        upload(
            UploadReport.Mode.UPSERT,
            false,
            "email,title,department,managerEmail",
            "bob@acme.com,Accountant,Finance,ann@acme.com");
    assertEquals(1, back.getRejoined());
    assertFalse(hr("bob@acme.com").departed());
    assertEquals(List.of("Finance"), groups(bob));
    assertEquals(List.of("Admin", "Finance", "Team Lead"), groups(ann));
    assertEquals(1, events("rejoined").size());
  }

  @Test
  void aFullSyncThatWouldDepartTooManyIsRefusedUnlessForced() {
    sync.minDepartures = 1;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add("p" + i + "@acme.com,Engineering");
    }
    lines.add(0, "email,department");
    upload(UploadReport.Mode.UPSERT, false, lines.toArray(String[]::new));
    String kept = scimUser("p0@acme.com");
    String lost = scimUser("p5@acme.com");

    UploadReport truncated =
        upload(
            UploadReport.Mode.REPLACE,
            false,
            "email,department",
            "p0@acme.com,Engineering",
            "p1@acme.com,Engineering");

    assertTrue(truncated.isDeparturesRefused());
    assertEquals(10, truncated.getMissing());
    assertEquals(1, truncated.getDepartureLimit());
    assertEquals(0, truncated.getDeparted());
    assertFalse(hr("p5@acme.com").departed());
    assertEquals(0, events("departed").size());

    UploadReport forced =
        upload(
            UploadReport.Mode.REPLACE,
            true,
            "email,department",
            "p0@acme.com,Engineering",
            "p1@acme.com,Engineering");
    assertFalse(forced.isDeparturesRefused());
    assertEquals(10, forced.getDeparted());
    assertTrue(hr("p5@acme.com").departed());
    assertFalse(hr("p0@acme.com").departed());
    assertEquals(1, events("departed").size(), "only people with a SCIM user had access to lose");
    assertEquals(lost, events("departed").get(0)[1]);
    assertEquals(List.of(), groups(kept));
  }

  @Test
  void inAFullTenantTheDirectoryRecordsDeparturesWithoutDecidingAccess() {
    scimUser("bob@acme.com");
    upload(UploadReport.Mode.UPSERT, false, "email", "ann@acme.com", "bob@acme.com");
    Transactions.inNew(
        factory,
        em -> {
          tenants(em).get(tenantId).provisionIn(ProvisioningMode.FULL);
          return null;
        });

    UploadReport replace = upload(UploadReport.Mode.REPLACE, false, "email", "ann@acme.com");

    assertEquals(1, replace.getDeparted());
    assertTrue(hr("bob@acme.com").departed());
    assertEquals(0, events("departed").size());
  }

  @Test
  void anEmptyFullSyncNeverDepartsAnyone() {
    upload(UploadReport.Mode.UPSERT, false, "email", "a@acme.com", "b@acme.com");

    UploadReport empty = upload(UploadReport.Mode.REPLACE, false, "email");

    assertTrue(empty.isDeparturesRefused());
    assertEquals(0, empty.getDeparted());
  }

  @Test
  void aRowRefusedForABadValueDoesNotDepartItsPerson() {
    upload(UploadReport.Mode.UPSERT, false, "email,managerEmail", "a@acme.com,", "b@acme.com,");

    UploadReport replace =
        upload(
            UploadReport.Mode.REPLACE,
            false,
            "email,managerEmail",
            "a@acme.com,",
            "b@acme.com,not-an-email");

    assertEquals(1, replace.getRejected());
    assertEquals(0, replace.getMissing());
    assertFalse(hr("b@acme.com").departed());
  }

  @Test
  void loopsAndMissingManagersAreReportedAndGetNoLevel() {
    UploadReport report =
        upload(
            UploadReport.Mode.UPSERT,
            false,
            "email,managerEmail",
            "dee@acme.com,eve@acme.com",
            "eve@acme.com,dee@acme.com",
            "fay@acme.com,nobody@acme.com");

    assertEquals(1, report.getHierarchy().cycleCount());
    assertEquals(2, report.getHierarchy().cycles().get(0).size());
    assertEquals(1, report.getHierarchy().missingManagerCount());
    assertEquals("fay@acme.com", report.getHierarchy().missingManagers().get(0).email());
    assertNull(hr("dee@acme.com").level());
    assertNull(hr("fay@acme.com").level());
    assertEquals(1, hr("eve@acme.com").directReports());
  }

  @Test
  void largeUploadsAreEvaluatedAndDepartedInBatches() {
    sync.minDepartures = 1000;
    List<String> lines = new ArrayList<>();
    lines.add("email,department");
    List<String> assigned = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      lines.add("p" + i + "@acme.com,Finance");
      if (i < 450) {
        assigned.add("p" + i + "@acme.com");
      }
    }
    scimUsers(assigned);
    UploadReport loaded = upload(UploadReport.Mode.UPSERT, false, lines.toArray(String[]::new));
    assertEquals(700, loaded.getCreated());
    assertEquals(450, loaded.getPermissionsChanged(), "more batches of users than one");
    assertEquals(
        450L,
        (long)
            Transactions.inNew(
                factory,
                em ->
                    lifecycle(em)
                        .matching(tenantId, ENTERPRISE + ":department eq \"Finance\"")
                        .total()));
    UploadReport replace =
        upload(UploadReport.Mode.REPLACE, false, "email,department", "p0@acme.com,Finance");
    assertEquals(699, replace.getDeparted(), "more batches of departures than one");
    assertEquals(449, replace.getPermissionsChanged());
    assertEquals(449, events("departed").size());
    assertEquals(
        1L, (long) Transactions.inNew(factory, em -> directory(em).currentCount(tenantId)));
  }

  @Test
  void thePreviewSeesHrData() {
    scimUser("ann@acme.com");
    scimUser("bob@acme.com");
    upload(
        UploadReport.Mode.UPSERT,
        false,
        "email,department",
        "ann@acme.com,Finance",
        "bob@acme.com,Sales");

    UserLifecycle.Matches matches =
        Transactions.inNew(
            factory,
            em -> lifecycle(em).matching(tenantId, ENTERPRISE + ":department eq \"finance\""));

    assertEquals(1, matches.total());
    assertEquals(List.of("ann@acme.com"), matches.sample());

    long scimSearch =
        Transactions.inNew(
            factory,
            em -> {
              ResourceTypeDefinition type = tenants(em).get(tenantId).schemaRegistry().user();
              return users(em)
                  .searches()
                  .page(
                      tenantId,
                      type,
                      FilterParser.parse(HR + ":isManager eq false", type),
                      null,
                      0,
                      10,
                      null)
                  .total();
            });
    assertEquals(0, scimSearch, "SCIM searches filter the identity the IdP sent, without HR data");
  }

  @Test
  void anUploadWhileAnotherOfTheTenantRunsOnThisNodeIsRefusedAndChangesNothing() throws Exception {
    CountDownLatch firstIsReading = new CountDownLatch(1);
    CountDownLatch letFirstFinish = new CountDownLatch(1);
    byte[] rows = "email\nann@acme.com\n".getBytes(StandardCharsets.UTF_8);
    InputStream slow =
        new InputStream() {
          private final InputStream rest = new ByteArrayInputStream(rows);
          private boolean waited;

          @Override
          public int read() throws IOException {
            if (!waited) {
              waited = true;
              firstIsReading.countDown();
              try {
                letFirstFinish.await();
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
            return rest.read();
          }
        };
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<UploadReport> first =
          other.submit(
              () ->
                  sync.load(
                      tenantId, slow, AccountUploads.Format.CSV, UploadReport.Mode.REPLACE, false));
      assertTrue(firstIsReading.await(10, TimeUnit.SECONDS));

      assertThrows(
          UploadInProgressException.class,
          () -> upload(UploadReport.Mode.UPSERT, false, "email", "bob@acme.com"));

      letFirstFinish.countDown();
      assertEquals(1, first.get(10, TimeUnit.SECONDS).getCreated());
    } finally {
      letFirstFinish.countDown();
      other.shutdownNow();
    }
    // The tenant is free again once the first upload has finished.
    assertEquals(1, upload(UploadReport.Mode.UPSERT, false, "email", "bob@acme.com").getCreated());
  }

  @Test
  void anUploadWhileAnotherNodeHoldsTheTenantsUploadLeaseIsRefused() {
    heldElsewhere = true;

    assertThrows(
        UploadInProgressException.class,
        () -> upload(UploadReport.Mode.REPLACE, true, "email", "ann@acme.com"));

    heldElsewhere = false;
    assertEquals(1, upload(UploadReport.Mode.UPSERT, false, "email", "ann@acme.com").getCreated());
  }

  // ---- helpers ----

  private UploadReport upload(UploadReport.Mode mode, boolean force, String... csvLines) {
    byte[] csv = (String.join("\n", csvLines) + "\n").getBytes(StandardCharsets.UTF_8);
    return sync.load(
        tenantId, new ByteArrayInputStream(csv), AccountUploads.Format.CSV, mode, force);
  }

  /** A SCIM user with the guide's Okta attribute set: no title, no department. */
  private String scimUser(String email) {
    return scimUsers(List.of(email)).get(0);
  }

  /** Several such users in one transaction; their ids in the same order. */
  private List<String> scimUsers(List<String> emails) {
    return Transactions.inNew(
        factory,
        em -> {
          ResourceTypeDefinition type = tenants(em).get(tenantId).schemaRegistry().user();
          UserRepository users = users(em);
          List<String> ids = new ArrayList<>();
          Map<UserRow, Map<String, Object>> created = new java.util.LinkedHashMap<>();
          for (String email : emails) {
            Map<String, Object> canonical =
                ScimJson.parseStored(
                    "{\"userName\":\""
                        + email
                        + "\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"},"
                        + "\"emails\":[{\"value\":\""
                        + email
                        + "\",\"primary\":true,\"type\":\"work\"}],\"active\":true}");
            UserRow user = new UserRow(tenantId, Instant.now());
            user.store(email, null, true, UserDocuments.toStored(type, canonical), Instant.now());
            users.insert(user);
            created.put(user, canonical);
            ids.add(user.id());
          }
          em.flush();
          // New users have no index rows to replace, so they are written without reindex's DELETE.
          created.forEach(
              (user, canonical) ->
                  AttributeIndex.values(type, canonical)
                      .forEach(v -> em.persist(new UserValue(user.id(), tenantId, v))));
          return ids;
        });
  }

  private List<String> groups(String userId) {
    return Transactions.inNew(
        factory, em -> UserEvents.groups(users(em).find(tenantId, userId).orElseThrow()));
  }

  private HrRecord hr(String email) {
    return Transactions.inNew(
        factory, em -> directory(em).find(tenantId, email).orElseThrow().hr());
  }

  /** The tenant's events of one kind, as (kind, scimUserId, email) in the order written. */
  private List<Object[]> events(String kind) {
    return Transactions.inNew(
        factory,
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT kind, scim_user_id, email FROM pending_event WHERE tenant_id = ?"
                          + " ORDER BY position")
                  .setParameter(1, tenantId)
                  .getResultList();
          return rows.stream()
              .filter(r -> String.valueOf(r[0]).toLowerCase(Locale.ROOT).equals(kind))
              .toList();
        });
  }

  // ---- the beans, wired by hand on one entity manager ----

  private TenantService tenants(EntityManager em) {
    TenantService tenants = new TenantService();
    set(tenants, "em", em);
    set(tenants, "events", outbox(em));
    return tenants;
  }

  private EventOutbox outbox(EntityManager em) {
    EventOutbox outbox = new EventOutbox();
    set(outbox, "em", em);
    set(outbox, "written", new IgnoredEvents<>());
    return outbox;
  }

  private PermissionService permissions(EntityManager em) {
    PermissionService permissions = new PermissionService();
    set(permissions, "em", em);
    set(permissions, "tenants", tenants(em));
    set(permissions, "rulesChanged", new IgnoredEvents<RulesChanged>());
    return permissions;
  }

  private AccountDirectory directory(EntityManager em) {
    AccountDirectory directory = new AccountDirectory();
    set(directory, "em", em);
    set(directory, "tenants", tenants(em));
    return directory;
  }

  private UserRepository users(EntityManager em) {
    UserRepository users = new UserRepository();
    users.em = em;
    return users;
  }

  private UserEvents userEvents(EntityManager em) {
    UserEvents events = new UserEvents();
    events.outbox = outbox(em);
    return events;
  }

  private DirectoryBatches batches(EntityManager em) {
    DirectoryBatches batches = new DirectoryBatches();
    batches.directory = directory(em);
    batches.users = users(em);
    batches.events = userEvents(em);
    batches.tenants = tenants(em);
    return batches;
  }

  private UserLifecycle lifecycle(EntityManager em) {
    UserLifecycle lifecycle = new UserLifecycle();
    lifecycle.users = users(em);
    lifecycle.tenants = tenants(em);
    lifecycle.permissions = permissions(em);
    lifecycle.events = userEvents(em);
    People people = new People();
    people.accounts = directory(em);
    lifecycle.people = people;
    return lifecycle;
  }

  private static void set(Object target, String field, Object value) {
    try {
      Class<?> type = target.getClass();
      Field f = null;
      while (f == null) {
        try {
          f = type.getDeclaredField(field);
        } catch (NoSuchFieldException e) {
          type = type.getSuperclass();
          if (type == null) {
            throw e;
          }
        }
      }
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
