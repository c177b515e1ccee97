package io.rollcall.web;

import io.rollcall.network.IpAddresses;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a trusted reverse proxy says about the URL the client used: {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port}. Each is checked on its own and a value
 * that is not what the header may hold is ignored, so a broken proxy cannot put arbitrary text into
 * Location headers. Where a header holds a list ({@code https, http}) the right-most value counts:
 * it was written by the proxy talking to Rollcall, the one that is trusted; values further left may
 * come from the client. RFC 7239 {@code Forwarded} and {@code X-Forwarded-Prefix} are not read.
 */
public record ForwardedHeaders(Optional<String> proto, Optional<String> host, OptionalInt port) {

  public static final String PROTO = "X-Forwarded-Proto";
  public static final String HOST = "X-Forwarded-Host";
  public static final String PORT = "X-Forwarded-Port";

  /** A DNS name: letters, digits and inner hyphens in labels of up to 63, 253 in all. */
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

  private static final Pattern PORT_DIGITS = Pattern.compile("[0-9]{1,5}");

  public static ForwardedHeaders none() {
    return new ForwardedHeaders(Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  /** Reads the three headers; {@code headers} gives every line of a header, or null or empty. */
  public static ForwardedHeaders read(Function<String, List<String>> headers) {
    return new ForwardedHeaders(
        last(headers.apply(PROTO)).flatMap(ForwardedHeaders::proto),
        last(headers.apply(HOST)).flatMap(ForwardedHeaders::host),
        last(headers.apply(PORT)).map(ForwardedHeaders::port).orElse(OptionalInt.empty()));
  }

  public boolean isEmpty() {
    return proto.isEmpty() && host.isEmpty() && port.isEmpty();
  }

  /**
   * The root the client used, from {@code internalRoot} (the context root the request reached) with
   * what the proxy said put in. Following common proxy practice, a forwarded scheme without a port
   * means that scheme's default port, and so does a forwarded host without one; the path is the
   * internal one, since no prefix is forwarded.
   */
  public PublicRoot applyTo(URI internalRoot) {
    String scheme = proto.orElse(internalRoot.getScheme().toLowerCase(Locale.ROOT));
    String authority;
    if (host.isPresent()) {
      authority = host.get();
      if (!hasPort(authority) && port.isPresent()) {
        authority += ":" + port.getAsInt();
      }
    } else {
      String name = internalRoot.getHost();
      int internalPort = proto.isPresent() ? -1 : internalRoot.getPort();
      int p = port.isPresent() ? port.getAsInt() : internalPort;
      authority = bracketed(name) + (p < 0 ? "" : ":" + p);
    }
    return new PublicRoot(
        URI.create(
            scheme + "://" + withoutDefaultPort(scheme, authority) + internalRoot.getRawPath()));
  }

  private static Optional<String> last(List<String> lines) {
    if (lines == null || lines.isEmpty()) {
      return Optional.empty();
    }
    String line = lines.get(lines.size() - 1);
    if (line == null) {
      return Optional.empty();
    }
    String value = line.substring(line.lastIndexOf(',') + 1).strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> proto(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("http") || lower.equals("https") ? Optional.of(lower) : Optional.empty();
  }

  /**
   * A host name, an IPv4 literal or a bracketed IPv6 literal, each with an optional port; nothing
   * that could add a path, credentials or a second authority to a URL. Names are never resolved.
   */
  static Optional<String> host(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    String name = lower;
    String portPart = null;
    if (lower.startsWith("[")) {
      int close = lower.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      name = lower.substring(0, close + 1);
      String after = lower.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return Optional.empty();
        }
        portPart = after.substring(1);
      }
      if (IpAddresses.parse(name).isEmpty()) {
        return Optional.empty();
      }
    } else {
      int colon = lower.indexOf(':');
      if (colon >= 0) {
        name = lower.substring(0, colon);
        portPart = lower.substring(colon + 1);
      }
      if (!HOST_NAME.matcher(name).matches()) {
        return Optional.empty();
      }
    }
    if (portPart != null && port(portPart).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(lower);
  }

  static OptionalInt port(String value) {
    if (!PORT_DIGITS.matcher(value).matches()) {
      return OptionalInt.empty();
    }
    int p = Integer.parseInt(value);
    return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
  }

  private static boolean hasPort(String authority) {
    return authority.lastIndexOf(':') > authority.lastIndexOf(']');
  }

  private static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code https://example.com:443/} is {@code https://example.com/}: one spelling per URL. */
  private static String withoutDefaultPort(String scheme, String authority) {
    String defaultPort = scheme.equals("https") ? ":443" : ":80";
    return hasPort(authority) && authority.endsWith(defaultPort)
        ? authority.substring(0, authority.length() - defaultPort.length())
        : authority;
  }
}
