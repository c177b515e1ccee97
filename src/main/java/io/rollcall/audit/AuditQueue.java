package io.rollcall.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.rollcall.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit records between the SCIM request that produced them and the batch that writes them. It is
 * bounded: when the database falls behind, new records are counted as dropped rather than making a
 * SCIM request wait or the heap grow.
 */
@ApplicationScoped
public class AuditQueue {

  @Inject
  @ConfigProperty(name = "rollcall.audit.queue-capacity", defaultValue = "20000")
  int capacity;

  private BlockingQueue<AuditRecord> records;
  private final AtomicLong dropped = new AtomicLong();

  @Inject Metrics metrics;

  private Counter droppedTotal;

  @PostConstruct
  void create() {
    records = new ArrayBlockingQueue<>(Math.max(100, capacity));
    Gauge.builder("rollcall.audit.queue.depth", records, BlockingQueue::size)
        .description("Audit records waiting to be written")
        .baseUnit("records")
        .register(metrics.registry());
    droppedTotal =
        Counter.builder("rollcall.audit.dropped")
            .description("Audit records dropped because the queue was full")
            .baseUnit("records")
            .register(metrics.registry());
  }

  /** Never blocks; a full queue drops the record and counts it. */
  public void offer(AuditRecord record) {
    if (!records.offer(record)) {
      dropped.incrementAndGet();
      droppedTotal.increment();
    }
  }

  /** Moves up to {@code max} waiting records into {@code into}; returns how many. */
  int drainTo(List<AuditRecord> into, int max) {
    return records.drainTo(into, max);
  }

  /** Records dropped since the last call. */
  long takeDropped() {
    return dropped.getAndSet(0);
  }

  int size() {
    return records.size();
  }
}
