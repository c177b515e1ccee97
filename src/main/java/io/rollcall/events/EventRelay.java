package io.rollcall.events;

import io.rollcall.database.DatabaseReady;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves committed pending events into the numbered log. It runs right after each committing write
 * (coalesced: one queued run per tenant however many writes commit), before every read of the log,
 * and on a timer that picks up whatever a crash left between a commit and its relay. Running it
 * twice at once is harmless: {@link EventNumbering} serialises on the tenant's counter row.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRelay {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

  @Inject EventNumbering numbering;
  @Resource ManagedExecutorService executor;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "rollcall.events.relay-interval", defaultValue = "PT2S")
  String interval;

  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  /** Numbers every committed pending event of the tenant before returning. */
  public void relay(String tenantId) {
    while (numbering.numberPending(tenantId) == EventNumbering.BATCH) {
      // a full batch: there may be more
    }
  }

  public void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) EventsWritten written) {
    String tenantId = written.tenantId();
    if (!queued.add(tenantId)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            // Leave the queue before reading, so a commit from now on queues another run.
            queued.remove(tenantId);
            relayQuietly(tenantId);
          });
    } catch (RejectedExecutionException busy) {
      queued.remove(tenantId);
      LOG.fine("Event relay queue full; the timer will number tenant " + tenantId + "'s events");
    }
  }

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    long millis = Duration.parse(interval).toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("event-relay", false));
  }

  @Timeout
  void sweep() {
    for (String tenantId : numbering.tenantsWithPending()) {
      relayQuietly(tenantId);
    }
  }

  private void relayQuietly(String tenantId) {
    try {
      relay(tenantId);
    } catch (RuntimeException e) {
      // Another node holding the counter, or the database briefly away: the next run catches up.
      LOG.log(Level.FINE, "Event relay for tenant " + tenantId + " deferred", e);
    }
  }
}
