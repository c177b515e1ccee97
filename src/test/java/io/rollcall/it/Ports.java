package io.rollcall.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers that tests start in other processes. A port is picked here and bound later by
 * the child; if it came from the kernel's ephemeral range (what {@code new ServerSocket(0)} hands
 * out), an outgoing connection of any process — a data-grid member dialling its peers, an HTTP
 * client — can take it in between, and the child then binds nothing or a test talks to the wrong
 * listener. Ports below Linux's ephemeral range (32768 and up) are never handed out that way.
 */
final class Ports {

  private static final int LOWEST = 20_000;
  private static final int ABOVE_HIGHEST = 32_000;
  private static final Set<Integer> handedOut = new HashSet<>();

  private Ports() {}

  /** A port nothing listens on now, not handed out before by this test run. */
  static synchronized int unused() throws IOException {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
      if (!handedOut.contains(port) && bindable(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IOException("no unused port between " + LOWEST + " and " + ABOVE_HIGHEST);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
