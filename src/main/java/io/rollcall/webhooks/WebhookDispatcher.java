package io.rollcall.webhooks;

import io.rollcall.database.DatabaseReady;
import io.rollcall.database.Leases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers pending webhook events. A timer on every node hands each tenant with an active webhook
 * to a small pool of senders; a tenant is sent for by one sender at a time across the cluster, the
 * holder of the tenant's lease ({@link Leases}), so its events leave strictly in order. Each tenant
 * gets a turn of at most {@link #TURN} or {@link #PER_TENANT_AND_TICK} events, and a failing
 * receiver backs off, so a slow or broken receiver holds one sender, never the others' deliveries.
 *
 * <p>The delivery position lives in the database and advances only after the receiver accepted the
 * event: a node that dies mid-request leaves the event undelivered, and whichever node takes the
 * lease after it expires sends it again (at least once, in order).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** Events delivered per tenant and turn, so one busy tenant cannot starve the others. */
  static final int PER_TENANT_AND_TICK = 200;

  /** Longest turn of one tenant before it queues again behind the others. */
  static final Duration TURN = Duration.ofSeconds(30);

  @Resource TimerService timers;
  @Resource ManagedThreadFactory threadFactory;
  @Inject WebhookService webhooks;
  @Inject WebhookSender sender;
  @Inject Leases leases;

  @Inject
  @ConfigProperty(name = "rollcall.webhooks.interval", defaultValue = "PT5S")
  String interval;

  /** Tenants whose receivers are called at once on this node; the rest wait for a free sender. */
  @Inject
  @ConfigProperty(name = "rollcall.webhooks.senders", defaultValue = "4")
  int senders;

  Clock clock = Clock.systemUTC();

  private ExecutorService pool;

  /** Tenants queued or being sent for on this node, so a tick never queues one twice. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void startPool() {
    startSenders(Math.max(1, senders), threadFactory);
  }

  /** Threads from the container's factory, so senders may call the EJBs and use transactions. */
  void startSenders(int size, ThreadFactory threads) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
    executor.allowCoreThreadTimeOut(true);
    pool = executor;
  }

  @PreDestroy
  void stopPool() {
    pool.shutdownNow();
  }

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    long millis = Duration.parse(interval).toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("webhook-dispatch", false));
  }

  @Timeout
  void dispatch() {
    for (String tenantId : webhooks.tenantsWithWebhooks()) {
      queue(tenantId);
    }
  }

  void queue(String tenantId) {
    if (!queued.add(tenantId)) {
      return;
    }
    try {
      pool.execute(
          () -> {
            try {
              takeTurn(tenantId);
            } finally {
              queued.remove(tenantId);
            }
          });
    } catch (RejectedExecutionException stopping) {
      queued.remove(tenantId);
    }
  }

  /** Sends the tenant's due events while this node holds its lease and the turn lasts. */
  void takeTurn(String tenantId) {
    String lease = "webhook:" + tenantId;
    // Renewed before every attempt, and long enough for two, so it never runs out mid-attempt.
    Duration leaseLength = sender.longestAttempt().multipliedBy(2);
    Instant end = clock.instant().plus(TURN);
    try {
      int sent = 0;
      while (sent < PER_TENANT_AND_TICK
          && clock.instant().isBefore(end)
          && leases.claim(lease, leaseLength)
          && sender.deliverNext(tenantId)) {
        sent++;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook delivery for tenant " + tenantId + " failed", e);
    } finally {
      leases.release(lease);
    }
  }
}
