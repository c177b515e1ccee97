package io.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.IgnoredEvents;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the events API promises, on a real database: an event exists exactly when its change
 * committed, and a tenant's events are numbered gapless, each once, in commit order — with many
 * writers and several relays (nodes) at once. On H2 here, on PostgreSQL in {@code
 * EventOutboxOnPostgresTest}.
 */
class EventOutboxTest {

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private EntityManagerFactory factory;
  private String tenantId;

  @BeforeEach
  void start() {
    factory = database().migrated().entityManagerFactory();
    EntityManager em = factory.createEntityManager();
    em.getTransaction().begin();
    Tenant tenant = new Tenant("Acme", Instant.now());
    em.persist(tenant);
    em.flush();
    em.persist(new TenantEventCounter(tenant.id()));
    em.getTransaction().commit();
    em.close();
    tenantId = tenant.id();
  }

  @AfterEach
  void stop() {
    factory.close();
  }

  @Test
  void aRolledBackChangeLeavesNoEventAndCommittedOnesAreNumberedFromOne() {
    write("user-1", 1, true);
    write("user-2", 1, false);
    write("user-3", 1, true);

    List<ProvisioningEvent> events = read(0, 100);
    assertEquals(List.of(1L, 2L), events.stream().map(ProvisioningEvent::seq).toList());
    assertEquals(
        List.of("user-1", "user-3"), events.stream().map(ProvisioningEvent::scimUserId).toList());
  }

  @Test
  void manyWritersAndTwoRelaysAtOnceNumberEveryEventOnceWithoutGaps() throws Exception {
    int writers = 8;
    int perWriter = 25;
    ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String user = "writer-" + w;
        work.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perWriter; i++) {
                    write(user, i, true);
                  }
                  return null;
                }));
      }
      // Two nodes' relays numbering while the writers commit.
      for (int node = 0; node < 2; node++) {
        work.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 40; i++) {
                    relay().relay(tenantId);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<ProvisioningEvent> events = read(0, 1000);
    assertEquals(writers * perWriter, events.size(), "every committed event, once");
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).seq(), "gapless");
    }
    // Each writer committed its events one after the other, so they must be numbered in that order.
    Map<String, Integer> lastStep = new HashMap<>();
    for (ProvisioningEvent event : events) {
      int step = Integer.parseInt(event.changes().replaceAll("\\D", ""));
      Integer previous = lastStep.put(event.scimUserId(), step);
      assertTrue(previous == null || previous < step, "commit order of " + event.scimUserId());
    }
    assertEquals(writers, lastStep.size());
  }

  @Test
  void aReaderResumesAfterTheLastSeqItSawWithoutGapsOrRepeats() {
    for (int i = 0; i < 12; i++) {
      write("user-" + i, i, true);
    }
    List<Long> seen = new ArrayList<>();
    long after = 0;
    List<ProvisioningEvent> page;
    do {
      page = read(after, 5);
      for (ProvisioningEvent event : page) {
        seen.add(event.seq());
        after = event.seq();
      }
    } while (!page.isEmpty());
    assertEquals(12, seen.size());
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(i + 1, seen.get(i));
    }
  }

  /** One change's transaction: its event is recorded in it, then it commits or rolls back. */
  private void write(String user, int step, boolean commit) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      outbox(em)
          .record(tenantId, EventKind.UPDATED, user, null, Map.of("step", step), Instant.now());
      em.flush();
      if (commit) {
        em.getTransaction().commit();
      } else {
        em.getTransaction().rollback();
      }
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private List<ProvisioningEvent> read(long after, int limit) {
    EntityManager em = factory.createEntityManager();
    try {
      return outbox(em).after(tenantId, after, limit);
    } finally {
      em.close();
    }
  }

  private EventOutbox outbox(EntityManager em) {
    EventOutbox outbox = new EventOutbox();
    outbox.em = em;
    outbox.relay = relay();
    outbox.written = new IgnoredEvents<>();
    return outbox;
  }

  /** A relay whose numbering runs in transactions of its own, as REQUIRES_NEW does. */
  private EventRelay relay() {
    EventRelay relay = new EventRelay();
    relay.numbering =
        new EventNumbering() {
          @Override
          public int numberPending(String tenant) {
            return Transactions.inNew(
                factory,
                own -> {
                  em = own;
                  return super.numberPending(tenant);
                });
          }
        };
    return relay;
  }
}
