package io.rollcall.webhooks;

import io.rollcall.network.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be delivered to: public unicast ones only. Everything that reaches
 * the server itself, the networks around it or the cloud's metadata service (169.254.169.254) is
 * refused, so a tenant admin cannot aim deliveries — or probe with them — inside the network. IPv6
 * forms that carry an IPv4 address are judged by that address or refused outright.
 */
final class WebhookAddresses {

  private WebhookAddresses() {}

  /** A refused block and why (the why is for logs and tests, never for the stored error). */
  private record Refused(AddressRange range, String why) {}

  private static final List<Refused> REFUSED =
      List.of(
          refused("0.0.0.0/8", "unspecified (this network)"),
          refused("10.0.0.0/8", "private (RFC 1918)"),
          refused("100.64.0.0/10", "shared address space (CGNAT, RFC 6598)"),
          refused("127.0.0.0/8", "loopback"),
          refused("169.254.0.0/16", "link-local"),
          refused("172.16.0.0/12", "private (RFC 1918)"),
          refused("192.0.0.0/24", "IETF protocol assignments"),
          refused("192.168.0.0/16", "private (RFC 1918)"),
          refused("198.18.0.0/15", "benchmarking"),
          refused("224.0.0.0/4", "multicast"),
          refused("240.0.0.0/4", "reserved and broadcast"),
          refused("::/96", "unspecified, loopback or IPv4-compatible"),
          refused("::ffff:0:0/96", "IPv4-mapped"),
          refused("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
          refused("100::/64", "discard-only"),
          refused("2001::/32", "Teredo (carries an IPv4 address)"),
          refused("fc00::/7", "unique local (private)"),
          refused("fe80::/10", "link-local"),
          refused("fec0::/10", "site-local (private)"),
          refused("ff00::/8", "multicast"));

  /** IPv6 blocks that embed an IPv4 address (NAT64, 6to4): the embedded address is judged. */
  private static final AddressRange NAT64 = range("64:ff9b::/96");

  private static final AddressRange SIX_TO_FOUR = range("2002::/16");

  /** Why {@code address} is refused, or empty when it is a public address. */
  static Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Refused r : REFUSED) {
      if (r.range().contains(bytes)) {
        return Optional.of(r.why());
      }
    }
    if (NAT64.contains(bytes)) {
      return embedded(Arrays.copyOfRange(bytes, 12, 16), "NAT64 of ");
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return embedded(Arrays.copyOfRange(bytes, 2, 6), "6to4 of ");
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    return refusal(address).isEmpty();
  }

  private static Optional<String> embedded(byte[] ipv4, String prefix) {
    try {
      return refusal(InetAddress.getByAddress(ipv4)).map(why -> prefix + why);
    } catch (UnknownHostException e) {
      return Optional.of(prefix + "an unreadable address");
    }
  }

  private static Refused refused(String cidr, String why) {
    return new Refused(range(cidr), why);
  }

  private static AddressRange range(String cidr) {
    if (cidr.startsWith("::ffff:")) {
      // The JDK reads "::ffff:a.b.c.d" as the IPv4 address itself; this block is about the
      // 16-byte form, which a resolver or Inet6Address.getByAddress can still hand over.
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      return new AddressRange(mapped, 96);
    }
    return AddressRange.parse(cidr);
  }
}
