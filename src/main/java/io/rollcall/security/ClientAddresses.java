package io.rollcall.security;

import io.rollcall.network.IpAddresses;
import io.rollcall.network.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, as far as it can be trusted. That is the connection's peer,
 * unless the peer is one of the reverse proxies listed in {@code rollcall.trusted-proxies}: then
 * {@code X-Forwarded-For} is read from the right, skipping the listed proxies, and the first
 * address that is not one of them is the client. Entries further left were written by the client
 * itself and prove nothing, so a client cannot pick its own address to dodge the sign-in throttle.
 */
@ApplicationScoped
public class ClientAddresses {

  /** Hops read from the right of {@code X-Forwarded-For} at most; real chains are short. */
  static final int MAX_HOPS = 32;

  @Inject
  @ConfigProperty(name = TrustedProxies.SETTING)
  Optional<String> trustedSetting;

  private TrustedProxies trusted = TrustedProxies.none();

  @PostConstruct
  void configure() {
    trusted = TrustedProxies.fromSetting(trustedSetting);
  }

  /** The client address of the request, in the JDK's canonical text form. */
  public String of(HttpServletRequest request) {
    return resolve(
        trusted, request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * The client behind {@code peer}: the right-most entry of the forwarded-for headers (taken in
   * order, as one list) that is not a trusted proxy. When every entry is trusted, or an entry a
   * trusted proxy handed over cannot be read as an address, the last trusted hop is the answer:
   * nothing further left can be believed.
   */
  static String resolve(TrustedProxies trusted, String peer, List<String> forwardedFor) {
    Optional<InetAddress> direct = IpAddresses.parse(peer);
    if (direct.isEmpty()) {
      return peer == null ? "unknown" : peer;
    }
    InetAddress hop = direct.get();
    if (!trusted.trusts(hop)) {
      return hop.getHostAddress();
    }
    List<String> entries = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String entry : header.split(",", -1)) {
        entries.add(entry.strip());
      }
    }
    int stop = Math.max(0, entries.size() - MAX_HOPS);
    for (int i = entries.size() - 1; i >= stop; i--) {
      Optional<InetAddress> next = IpAddresses.parse(withoutPort(entries.get(i)));
      if (next.isEmpty()) {
        break;
      }
      hop = next.get();
      if (!trusted.trusts(hop)) {
        break;
      }
    }
    return hop.getHostAddress();
  }

  /** Some proxies append the client's port: {@code 192.0.2.7:51234}, {@code [2001:db8::7]:443}. */
  static String withoutPort(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      return close < 0 ? entry : entry.substring(0, close + 1);
    }
    int colon = entry.indexOf(':');
    if (colon > 0 && colon == entry.lastIndexOf(':') && entry.indexOf('.') > 0) {
      return entry.substring(0, colon);
    }
    return entry;
  }
}
