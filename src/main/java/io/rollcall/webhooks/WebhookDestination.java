package io.rollcall.webhooks;

import io.rollcall.network.IpAddresses;
import io.rollcall.web.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one delivery goes: the URL's host name (for the {@code Host} header, TLS SNI and
 * certificate checks) and the addresses it resolved to when they were checked. The delivery
 * connects to exactly these addresses, so a name that resolves to a public address when checked and
 * to an internal one a moment later (DNS rebinding) gains nothing.
 */
public record WebhookDestination(
    URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {

  /** Looks a host name up; tests replace the system resolver. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  static final Resolver SYSTEM_DNS = InetAddress::getAllByName;

  /** Thrown when the URL is not acceptable; its message is fit to show the admin. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String internalReason;

    Refused(String message, String internalReason) {
      super(message, null, false, false);
      this.internalReason = internalReason;
    }

    /** Why, in detail, for the server log only: it may say what an internal name resolves to. */
    String internalReason() {
      return internalReason;
    }
  }

  static final String NOT_PUBLIC =
      "url must point to a host on the public internet (it resolves to a private, loopback or"
          + " otherwise internal address, or does not resolve)";

  /**
   * Checks {@code url} and resolves its host once. Only {@code https} URLs to public addresses
   * pass, unless {@code allowPrivate} (development and tests) also lets through {@code http} and
   * internal addresses. An unresolvable host is refused with the same message as an internal one,
   * so the answer does not tell which internal names exist.
   */
  static WebhookDestination of(String url, boolean allowPrivate, Resolver resolver) throws Refused {
    String syntax =
        allowPrivate
            ? "url must be an absolute http(s) URL without user information"
            : "url must be an absolute https URL without user information";
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new Refused(syntax, "unparseable");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("https");
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(tls || (allowPrivate && scheme.equals("http")))
        || uri.toString().length() > 2000
        || uri.getPort() == 0
        || uri.getPort() > 65535) {
      throw new Refused(syntax, "syntax");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    List<InetAddress> addresses = resolve(host, resolver);
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        Optional<String> why = WebhookAddresses.refusal(address);
        if (why.isPresent()) {
          throw new Refused(
              NOT_PUBLIC, host + " resolves to " + address.getHostAddress() + ": " + why.get());
        }
      }
    }
    return new WebhookDestination(uri, host, port, tls, addresses);
  }

  /** Save-time check: the URL as it will be stored, or a 400 for the admin. */
  static String checkForSaving(String url, boolean allowPrivate, Resolver resolver) {
    try {
      return of(url, allowPrivate, resolver).uri().toString();
    } catch (Refused e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static List<InetAddress> resolve(String host, Resolver resolver) throws Refused {
    Optional<InetAddress> literal = IpAddresses.parse(host);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    if (host.indexOf(':') >= 0 || host.isEmpty()) {
      throw new Refused(NOT_PUBLIC, "not an address: " + host);
    }
    try {
      InetAddress[] found = resolver.resolve(host);
      if (found == null || found.length == 0) {
        throw new Refused(NOT_PUBLIC, host + " has no address");
      }
      return List.of(found);
    } catch (UnknownHostException | SecurityException e) {
      throw new Refused(NOT_PUBLIC, host + " does not resolve");
    }
  }

  /** The {@code Host} header: the name as written, with the port when it is not the default. */
  String hostHeader() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return uri.getPort() > 0 && uri.getPort() != (tls ? 443 : 80) ? name + ":" + port : name;
  }

  /** Path and query for the request line. */
  String target() {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
