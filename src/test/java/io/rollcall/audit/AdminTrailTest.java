package io.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rollcall.security.AdminCaller;
import io.rollcall.security.AdminRole;
import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing, filtering, paging and purging the admin trail on H2 and PostgreSQL. */
class AdminTrailTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void entriesAreFilteredPagedAndPurged(TestDatabase database) {
    EntityManagerFactory factory = database.migrated().entityManagerFactory();
    try {
      AdminTrail trail = new AdminTrail();
      AdminCaller alice =
          new AdminCaller("alice", AdminRole.OWNER, AdminCaller.Via.CONSOLE, "192.0.2.1");
      AdminCaller nobody =
          new AdminCaller("(unknown account)", null, AdminCaller.Via.PASSWORD, null);
      record(
          factory,
          trail,
          T0,
          alice,
          AdminAction.of("tenant.create", "t1").withDetail("name=A"),
          "success");
      record(
          factory,
          trail,
          T0.plusSeconds(60),
          alice,
          AdminAction.of("tenant.change", "t1"),
          "refused");
      record(
          factory, trail, T0.plusSeconds(120), nobody, AdminAction.of("sign-in", null), "failed");
      record(
          factory, trail, T0.plusSeconds(180), alice, AdminAction.of("tenants.x", null), "success");

      assertEquals(
          List.of("tenants.x", "sign-in", "tenant.change", "tenant.create"),
          actions(factory, trail, query(null, null, null, null, null, null)));
      assertEquals(
          List.of("tenant.change", "tenant.create"),
          actions(factory, trail, query(null, "tenant", null, null, null, null)));
      assertEquals(
          List.of("tenant.create"),
          actions(factory, trail, query("ALICE", "tenant.create", "success", null, null, null)));
      assertEquals(
          List.of("sign-in", "tenant.change"),
          actions(
              factory,
              trail,
              query(
                  null,
                  null,
                  null,
                  T0.plusSeconds(60).toString(),
                  T0.plusSeconds(180).toString(),
                  null)));

      AdminTrail.Page first =
          page(factory, trail, AdminTrailQuery.of(null, null, null, null, null, null, "3"));
      assertEquals(3, first.entries().size());
      AdminTrail.Page second =
          page(
              factory,
              trail,
              AdminTrailQuery.of(null, null, null, null, null, first.next().toString(), "3"));
      assertEquals(
          List.of("tenant.create"),
          second.entries().stream().map(AdminTrailEntry::action).toList());
      assertNull(second.next());
      AdminTrailEntry failed =
          page(factory, trail, query(null, "sign-in", null, null, null, null)).entries().get(0);
      assertNull(failed.actorRole());
      assertNull(failed.clientAddress());
      assertEquals("password", failed.via());

      EntityManager em = factory.createEntityManager();
      trail.em = em;
      em.getTransaction().begin();
      assertEquals(2, trail.purgeBefore(T0.plusSeconds(120)));
      em.getTransaction().commit();
      em.close();
      assertEquals(
          List.of("tenants.x", "sign-in"),
          actions(factory, trail, query(null, null, null, null, null, null)));
    } finally {
      factory.close();
    }
  }

  private static AdminTrailQuery query(
      String actor, String action, String outcome, String from, String to, String before) {
    return AdminTrailQuery.of(actor, action, outcome, from, to, before, null);
  }

  private static void record(
      EntityManagerFactory factory,
      AdminTrail trail,
      Instant at,
      AdminCaller caller,
      AdminAction action,
      String outcome) {
    EntityManager em = factory.createEntityManager();
    trail.em = em;
    trail.clock = Clock.fixed(at, ZoneOffset.UTC);
    em.getTransaction().begin();
    trail.recordFor(caller, action, outcome, null);
    em.getTransaction().commit();
    em.close();
  }

  private static AdminTrail.Page page(
      EntityManagerFactory factory, AdminTrail trail, AdminTrailQuery query) {
    EntityManager em = factory.createEntityManager();
    try {
      trail.em = em;
      return trail.page(query);
    } finally {
      em.close();
    }
  }

  private static List<String> actions(
      EntityManagerFactory factory, AdminTrail trail, AdminTrailQuery query) {
    return page(factory, trail, query).entries().stream().map(AdminTrailEntry::action).toList();
  }
}
