package io.rollcall.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Whether this node has begun to stop: the JVM received its shutdown signal (SIGTERM from systemd,
 * Kubernetes or {@code kill}). An undeployment in a running JVM sets it too, but only once the
 * container destroys the servlet context, after the last request was routed.
 *
 * <p>While a node stops, the container tears down the beans, the pool and the database under the
 * requests that are still arriving; what fails then is not a defect of the request but of the
 * node's timing. Such requests are answered 503 with {@code Retry-After} (never 500), and the
 * readiness check reports down so that a load balancer stops sending more. Most of them never
 * reached their transaction or had it rolled back; a request whose answer failed after its commit
 * looks the same to the client as a lost answer does, so a retried create may then find its user
 * already there (409 {@code uniqueness}).
 *
 * <p>The flag is static because it must outlive the CDI contexts it is consulted after; each
 * deployment has its own class loader and so its own flag.
 */
@WebListener
public class NodeStopping implements ServletContextListener {

  /** Seconds a client is asked to wait before retrying: long enough for a restart to begin. */
  public static final int RETRY_AFTER_SECONDS = 1;

  public static final String MESSAGE =
      "This Rollcall node is stopping; retry the request (another node, or this one once it is"
          + " back, will answer it).";

  private static volatile boolean stopping;

  private Thread signalled;

  public static boolean isStopping() {
    return stopping;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    stopping = false;
    signalled = new Thread(() -> stopping = true, "rollcall-node-stopping");
    Runtime.getRuntime().addShutdownHook(signalled);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    stopping = true;
    try {
      // An undeployment in a running JVM must not leave a hook that holds this class loader.
      Runtime.getRuntime().removeShutdownHook(signalled);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The JVM is exiting: hooks can no longer be removed, and need not be.
    }
  }
}
