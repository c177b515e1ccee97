package io.rollcall.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever asking DNS. {@link InetAddress#getByName} looks up
 * anything it cannot read as a literal, so a header value or a setting handed to it could make the
 * server resolve attacker-chosen names; everything here refuses such text instead.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * The address written in {@code text}: four decimal octets for IPv4 (no shortened or octal
   * forms), or an IPv6 literal, optionally in brackets. IPv4-mapped IPv6 literals come back as the
   * IPv4 address they carry (that is what {@link InetAddress} does), so they match IPv4 rules.
   */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.length() > 2 && s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s).flatMap(IpAddresses::fromBytes);
  }

  /** The four bytes of a strict dotted-quad IPv4 literal. */
  static Optional<byte[]> parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      // A leading zero means octal to some parsers and decimal to others: refuse the ambiguity.
      if (part.length() > 1 && part.charAt(0) == '0') {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    return Optional.of(bytes);
  }

  private static Optional<InetAddress> parseV6(String s) {
    // Only hex digits, colons and dots (for a trailing IPv4 part), starting with a hex digit or
    // a colon: then the JDK treats the text as a literal and never falls back to a DNS lookup.
    // Zone ids ("%eth0") are refused; they mean nothing off this host.
    char first = s.charAt(0);
    if (first > 0x7f || !(first == ':' || Character.digit(first, 16) >= 0)) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f || !(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> fromBytes(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
