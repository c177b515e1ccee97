package io.rollcall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.database.Leases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the dispatcher shares its senders between tenants: a receiver that hangs holds one sender,
 * never another tenant's deliveries; a tenant is never sent for twice at once; and nothing is sent
 * without the tenant's lease.
 */
class WebhookDispatcherTest {

  private final CountDownLatch slowReceiverAnswers = new CountDownLatch(1);
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
  private final Set<String> leasedElsewhere = ConcurrentHashMap.newKeySet();
  private final AtomicInteger concurrentTurns = new AtomicInteger();
  private final AtomicInteger mostConcurrentTurnsOfOneTenant = new AtomicInteger();

  private final WebhookDispatcher dispatcher = dispatcher();

  @AfterEach
  void stop() {
    slowReceiverAnswers.countDown();
    dispatcher.stopPool();
  }

  @Test
  void aHangingReceiverDoesNotDelayAnotherTenant() throws Exception {
    pending.put("slow", new AtomicInteger(1));
    pending.put("fast", new AtomicInteger(3));

    dispatcher.queue("slow");
    dispatcher.queue("fast");

    awaitDelivered(3);
    assertEquals(List.of("fast", "fast", "fast"), delivered, "slow is still waiting");
    slowReceiverAnswers.countDown();
    awaitDelivered(4);
    assertEquals("slow", delivered.get(3));
  }

  @Test
  void aTenantQueuedAgainWhileItsTurnRunsIsNotSentForTwice() throws Exception {
    pending.put("slow", new AtomicInteger(2));

    dispatcher.queue("slow");
    Thread.sleep(100);
    dispatcher.queue("slow");
    dispatcher.queue("slow");
    slowReceiverAnswers.countDown();

    awaitDelivered(2);
    Thread.sleep(100);
    assertEquals(List.of("slow", "slow"), delivered);
    assertEquals(1, mostConcurrentTurnsOfOneTenant.get());
  }

  @Test
  void nothingIsSentWhileAnotherNodeHoldsTheTenantsLease() throws Exception {
    pending.put("fast", new AtomicInteger(2));
    pending.put("other", new AtomicInteger(1));
    leasedElsewhere.add("webhook:fast");

    dispatcher.queue("fast");
    dispatcher.queue("other");

    awaitDelivered(1);
    Thread.sleep(100);
    assertEquals(List.of("other"), delivered);
  }

  private void awaitDelivered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (delivered.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(delivered.size() >= count, "delivered " + delivered);
  }

  private WebhookDispatcher dispatcher() {
    WebhookDispatcher d = new WebhookDispatcher();
    d.sender =
        new WebhookSender() {
          @Override
          public boolean deliverNext(String tenantId) {
            int turns = concurrentTurns.incrementAndGet();
            mostConcurrentTurnsOfOneTenant.accumulateAndGet(turns, Math::max);
            try {
              AtomicInteger left = pending.get(tenantId);
              if (left == null || left.get() == 0) {
                return false;
              }
              if (tenantId.equals("slow")) {
                slowReceiverAnswers.await();
              }
              left.decrementAndGet();
              delivered.add(tenantId);
              return true;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            } finally {
              concurrentTurns.decrementAndGet();
            }
          }

          @Override
          Duration longestAttempt() {
            return Duration.ofSeconds(15);
          }
        };
    d.leases =
        new Leases() {
          @Override
          public boolean claim(String name, Duration length) {
            return !leasedElsewhere.contains(name);
          }

          @Override
          public void release(String name) {}
        };
    d.startSenders(2, Executors.defaultThreadFactory());
    return d;
  }
}
