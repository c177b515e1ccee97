package io.rollcall.webhooks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one webhook POST over a socket of its own. The JDK's HTTP clients resolve the host name
 * again when they connect, which would undo the address check; here the connection goes to the
 * checked address, while TLS still sends the name (SNI) and verifies the certificate against it.
 * Only the status line is read: redirects are never followed, and nothing the receiver says beyond
 * its status is kept.
 */
final class WebhookClient {

  private static final int MAX_STATUS_LINE = 8192;

  private WebhookClient() {}

  /**
   * POSTs {@code body} and returns the HTTP status. The whole exchange — connect, TLS, request and
   * status line — must finish within {@code timeout}; each connect attempt within {@code
   * connectTimeout}.
   *
   * @throws SocketTimeoutException when the time runs out
   * @throws IOException when no connection could be made or the answer is not HTTP
   */
  static int post(
      WebhookDestination destination,
      Map<String, String> headers,
      String body,
      Duration connectTimeout,
      Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = connect(destination.addresses(), destination.port(), connectTimeout)) {
      Socket channel = socket;
      if (destination.tls()) {
        channel = handshake(socket, destination, deadline);
      }
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head =
          new StringBuilder()
              .append("POST ")
              .append(destination.target())
              .append(" HTTP/1.1\r\nHost: ")
              .append(destination.hostHeader())
              .append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Content-Length: ")
          .append(payload.length)
          .append("\r\nConnection: close\r\n\r\n");
      OutputStream out = channel.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return status(channel, deadline);
    }
  }

  private static Socket connect(List<InetAddress> addresses, int port, Duration connectTimeout)
      throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    throw last == null ? new IOException("no address") : last;
  }

  private static SSLSocket handshake(Socket socket, WebhookDestination destination, long deadline)
      throws IOException {
    SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
    SSLSocket tls =
        (SSLSocket) factory.createSocket(socket, destination.host(), destination.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (destination.addresses().stream()
        .noneMatch(a -> a.getHostAddress().equals(destination.host()))) {
      try {
        parameters.setServerNames(List.of(new SNIHostName(destination.host())));
      } catch (IllegalArgumentException notAHostName) {
        // An IP literal or an odd name: no SNI, the certificate check still applies.
      }
    }
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(remainingMillis(deadline));
    tls.startHandshake();
    return tls;
  }

  /** Reads {@code HTTP/1.x NNN …} and returns NNN. */
  private static int status(Socket socket, long deadline) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream(), 512);
    StringBuilder line = new StringBuilder();
    while (true) {
      socket.setSoTimeout(remainingMillis(deadline));
      int b = in.read();
      if (b < 0 || line.length() > MAX_STATUS_LINE) {
        throw new IOException("no HTTP status line");
      }
      if (b == '\n') {
        break;
      }
      line.append((char) b);
    }
    String text = line.toString().strip();
    if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
      throw new IOException("no HTTP status line");
    }
    String code = text.substring(9, 12);
    if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IOException("no HTTP status line");
    }
    return Integer.parseInt(code);
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("webhook timeout");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
