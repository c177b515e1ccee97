package io.rollcall.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leases on rows of the shared database, so that work which must have one runner at a time does,
 * however many nodes serve that database. A lease is held until it expires or is released; a node
 * that dies while holding one blocks the work only until then. Expiry is judged by each node's
 * clock, so nodes must keep their clocks in sync (NTP): a skew shorter than a lease's length can
 * only make a lease end early or late by that skew.
 */
@ApplicationScoped
public class Leases {

  private static final Logger LOG = Logger.getLogger(Leases.class.getName());

  /** This process, as lease rows name their holder: the JVM's name and a fresh id per start. */
  public static final String NODE =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  @Inject LeaseRows rows;

  Clock clock = Clock.systemUTC();

  /** The holder this bean claims as; tests play two nodes with two names. */
  String node = NODE;

  /**
   * Takes the lease for {@code length} (or extends this node's own); false when another node holds
   * it or the database cannot be asked now.
   */
  public boolean claim(String name, Duration length) {
    Instant now = clock.instant();
    Instant until = now.plus(length);
    try {
      if (rows.extend(name, node, now, until)) {
        return true;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Lease " + name + " could not be claimed now", e);
      return false;
    }
    try {
      return rows.create(name, node, until);
    } catch (RuntimeException takenMeanwhile) {
      // Another node created the row first, or it exists and is held: not ours this time.
      return false;
    }
  }

  /**
   * The lease for one tick of a job that every node schedules at {@code interval}: most of an
   * interval, so the other nodes' ticks in between find it held, and a node that stopped mid-way
   * leaves the next tick to another.
   */
  public static Duration tickLease(Duration interval) {
    return interval.multipliedBy(9).dividedBy(10);
  }

  /** Ends this node's lease at once, so another node need not wait for it to expire. */
  public void release(String name) {
    try {
      rows.release(name, node, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Lease " + name + " not released; it will expire", e);
    }
  }
}
