package io.rollcall.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies listed in {@code rollcall.trusted-proxies}: the only peers whose forwarding
 * headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}) are believed. Any
 * other peer may be the client itself, writing whatever it likes into them.
 */
public final class TrustedProxies {

  /** The configuration property, named in the message when an entry is bad. */
  public static final String SETTING = "rollcall.trusted-proxies";

  private final List<AddressRange> ranges;

  private TrustedProxies(List<AddressRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * The addresses and CIDR blocks of a comma- or space-separated list. A bad entry stops the start:
   * a silently ignored proxy would make every client look like the proxy.
   */
  public static TrustedProxies parse(String setting) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : (setting == null ? "" : setting).split("[,\\s]+")) {
      if (!entry.isBlank()) {
        try {
          ranges.add(AddressRange.parse(entry));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              SETTING + ": " + e.getMessage() + " (expected addresses or CIDRs)", e);
        }
      }
    }
    return new TrustedProxies(ranges);
  }

  public static TrustedProxies fromSetting(Optional<String> setting) {
    return parse(setting.orElse(""));
  }

  public boolean trusts(InetAddress address) {
    for (AddressRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code peer}, an address literal as the container reports it, is a listed proxy. */
  public boolean trusts(String peer) {
    return IpAddresses.parse(peer).map(this::trusts).orElse(false);
  }
}
