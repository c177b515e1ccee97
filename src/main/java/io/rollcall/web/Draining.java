package io.rollcall.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Whether this node is stopping. From the moment the process is asked to stop (SIGTERM) or the
 * application starts to undeploy, a request may meet beans, pools and EJBs being torn down; it is
 * then refused with 503 and {@code Retry-After} — which a load balancer and an IdP retry elsewhere
 * or later — instead of failing with a 500 that an IdP may record as an error. Readiness reports
 * DOWN at the same moment, so a balancer stops sending new requests.
 */
@ApplicationScoped
public class Draining {

  private static final Logger LOG = Logger.getLogger(Draining.class.getName());

  /** Seconds a client should wait before retrying, likely on another node. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static volatile boolean active;

  private Thread hook;

  /** Set from a JVM shutdown hook, which runs as soon as the process is asked to stop. */
  void watch(@Observes @Initialized(ApplicationScoped.class) Object started) {
    active = false;
    hook = new Thread(Draining::start, "rollcall-draining");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  void undeploying(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    start();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyStopping) {
      // The JVM is shutting down; the hook has run or is running.
    }
  }

  private static void start() {
    if (!active) {
      active = true;
      LOG.info("Stopping: new requests are answered 503 with Retry-After");
    }
  }

  public static boolean active() {
    return active;
  }
}
