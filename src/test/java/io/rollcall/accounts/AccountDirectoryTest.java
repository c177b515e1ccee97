package io.rollcall.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rollcall.events.EventOutbox;
import io.rollcall.events.TenantEventCounter;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account directory on a real database: idempotent upserts keyed by email without regard to
 * case, bad rows reported, tenants kept apart, and paging that visits every account once whatever
 * the database's collation. On H2 here, on PostgreSQL in {@code AccountDirectoryOnPostgresTest}.
 */
class AccountDirectoryTest {

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private EntityManagerFactory factory;
  private String acme;
  private String globex;

  @BeforeEach
  void start() {
    factory = database().migrated().entityManagerFactory();
    acme = tenant("Acme");
    globex = tenant("Globex");
  }

  @AfterEach
  void stop() {
    factory.close();
  }

  @Test
  void anUploadCreatesThenUpdatesAndRepeatsChangeNothing() {
    UploadReport first =
        inTransaction(
            d ->
                d.upsert(
                    acme,
                    rows(
                        row("ann@acme.com", "Finance"),
                        row("bob@acme.com", null),
                        row("not-an-email", null))));
    assertEquals(3, first.getReceived());
    assertEquals(2, first.getCreated());
    assertEquals(1, first.getRejected());
    assertEquals(3, first.getErrors().get(0).row());

    UploadReport second =
        inTransaction(
            d -> d.upsert(acme, rows(row("ANN@acme.com", "Sales"), row("bob@acme.com", null))));
    assertEquals(1, second.getUpdated(), "the same person whatever the case of the email");
    assertEquals(1, second.getUnchanged());
    assertEquals(0, second.getCreated());

    Account ann = inTransaction(d -> d.find(acme, "Ann@Acme.Com").orElseThrow());
    assertEquals("Sales", ann.row().department());
    assertEquals(2L, (long) inTransaction(d -> d.count(acme)));
  }

  @Test
  void aLaterRowForTheSameEmailInOneUploadWins() {
    UploadReport report =
        inTransaction(
            d -> d.upsert(acme, rows(row("cy@acme.com", "Finance"), row("CY@acme.com", "Legal"))));
    assertEquals(1, report.getCreated());
    assertEquals(
        "Legal", inTransaction(d -> d.find(acme, "cy@acme.com")).orElseThrow().row().department());
  }

  @Test
  void tenantsNeverSeeEachOthersAccounts() {
    inTransaction(d -> d.upsert(acme, rows(row("dee@shared.com", "Acme"))));
    inTransaction(d -> d.upsert(globex, rows(row("dee@shared.com", "Globex"))));

    assertEquals(
        "Acme",
        inTransaction(d -> d.find(acme, "dee@shared.com")).orElseThrow().row().department());
    assertEquals(
        "Globex",
        inTransaction(d -> d.find(globex, "dee@shared.com")).orElseThrow().row().department());
    assertFalse((boolean) inTransaction(d -> d.exists(globex, "only@acme.com")));
    assertEquals(1L, (long) inTransaction(d -> d.count(globex)));
  }

  @Test
  void pagesVisitEveryAccountOnceInAStableOrder() {
    List<AccountDirectory.NumberedRow> batch = new ArrayList<>();
    String[] names = {"zoë", "Zack", "adam", "Åsa", "émile", "bob", "b.ob", "b_ob", "b-ob", "ß"};
    for (int i = 0; i < names.length; i++) {
      for (int n = 0; n < 5; n++) {
        batch.add(
            new AccountDirectory.NumberedRow(
                batch.size() + 1, row(names[i] + n + "@example.com", null), null));
      }
    }
    UploadReport report = inTransaction(d -> d.upsert(acme, batch));
    assertEquals(50, report.getCreated());

    List<String> seen = new ArrayList<>();
    String after = null;
    List<Account> page;
    do {
      String from = after;
      page = inTransaction(d -> d.page(acme, from, 7));
      for (Account account : page) {
        seen.add(account.email());
        after = account.email();
      }
    } while (!page.isEmpty());
    assertEquals(50, seen.size(), "every account: " + seen);
    Set<String> distinct = new HashSet<>();
    seen.forEach(e -> distinct.add(e.toLowerCase(Locale.ROOT)));
    assertEquals(50, distinct.size(), "each once");
  }

  @Test
  void valuesPastTheirLimitsAreReportedNotStored() {
    String longName = "x".repeat(AccountRow.MAX_LENGTH + 1);
    UploadReport report =
        inTransaction(
            d ->
                d.upsert(
                    acme,
                    rows(
                        new AccountRow("eve@acme.com", longName, null, null, null, null),
                        new AccountRow("fay@acme.com", null, null, null, null, "9".repeat(129)))));
    assertEquals(2, report.getRejected());
    assertEquals(0L, (long) inTransaction(d -> d.count(acme)));
  }

  private static AccountRow row(String email, String department) {
    return new AccountRow(email, null, null, department, null, null);
  }

  private static List<AccountDirectory.NumberedRow> rows(AccountRow... rows) {
    List<AccountDirectory.NumberedRow> numbered = new ArrayList<>();
    for (AccountRow row : rows) {
      numbered.add(new AccountDirectory.NumberedRow(numbered.size() + 1, row, null));
    }
    return numbered;
  }

  private String tenant(String name) {
    EntityManager em = factory.createEntityManager();
    em.getTransaction().begin();
    Tenant tenant = new Tenant(name, Instant.now());
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    em.getTransaction().commit();
    em.close();
    return tenant.id();
  }

  /** One request's transaction on a fresh persistence context. */
  private <T> T inTransaction(Function<AccountDirectory, T> work) {
    return Transactions.inNew(
        factory,
        em -> {
          AccountDirectory directory = new AccountDirectory();
          directory.em = em;
          TenantService tenants = new TenantService();
          set(tenants, "em", em);
          set(tenants, "events", new EventOutbox());
          directory.tenants = tenants;
          return work.apply(directory);
        });
  }

  private static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
