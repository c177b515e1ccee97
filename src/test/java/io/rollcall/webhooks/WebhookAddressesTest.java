package io.rollcall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.network.IpAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF table: every address form a webhook must not reach, and public ones it may. */
class WebhookAddressesTest {

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0         | unspecified (this network)",
        "0.1.2.3         | unspecified (this network)",
        "10.0.0.1        | private (RFC 1918)",
        "10.255.255.255  | private (RFC 1918)",
        "172.16.0.1      | private (RFC 1918)",
        "172.31.255.255  | private (RFC 1918)",
        "192.168.1.1     | private (RFC 1918)",
        "100.64.0.1      | shared address space (CGNAT, RFC 6598)",
        "100.127.255.254 | shared address space (CGNAT, RFC 6598)",
        "127.0.0.1       | loopback",
        "127.1.2.3       | loopback",
        "169.254.169.254 | link-local",
        "169.254.0.1     | link-local",
        "192.0.0.8       | IETF protocol assignments",
        "198.18.0.1      | benchmarking",
        "224.0.0.1       | multicast",
        "239.255.255.250 | multicast",
        "240.0.0.1       | reserved and broadcast",
        "255.255.255.255 | reserved and broadcast",
        "::              | unspecified, loopback or IPv4-compatible",
        "::1             | unspecified, loopback or IPv4-compatible",
        "::127.0.0.1     | unspecified, loopback or IPv4-compatible",
        "::a00:1         | unspecified, loopback or IPv4-compatible",
        "::808:808       | unspecified, loopback or IPv4-compatible",
        "::ffff:127.0.0.1 | loopback",
        "::ffff:7f00:1   | loopback",
        "::ffff:a9fe:a9fe | link-local",
        "::ffff:10.0.0.1 | private (RFC 1918)",
        "fc00::1         | unique local (private)",
        "fd12:3456:789a::1 | unique local (private)",
        "fe80::1         | link-local",
        "febf:ffff::1    | link-local",
        "fec0::1         | site-local (private)",
        "ff02::1         | multicast",
        "ff0e::101       | multicast",
        "100::1          | discard-only",
        "64:ff9b::a00:1  | NAT64 of private (RFC 1918)",
        "64:ff9b::127.0.0.1 | NAT64 of loopback",
        "64:ff9b::a9fe:a9fe | NAT64 of link-local",
        "64:ff9b:1::1    | local-use IPv4/IPv6 translation",
        "2002:a00:1::    | 6to4 of private (RFC 1918)",
        "2002:7f00:1::1  | 6to4 of loopback",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (carries an IPv4 address)",
      })
  void forbiddenAddressesAreRefused(String address, String why) {
    assertEquals(Optional.of(why), WebhookAddresses.refusal(parse(address)));
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource({
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "11.0.0.1",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "169.253.255.255",
    "169.255.0.1",
    "192.167.255.255",
    "192.169.0.1",
    "126.255.255.255",
    "128.0.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "2a00:1450:4001:80b::200e",
    "64:ff9b::808:808",
    "2002:808:808::1",
  })
  void publicAddressesAreAllowed(String address) {
    assertTrue(WebhookAddresses.isPublic(parse(address)), address);
  }

  @Test
  void theSixteenByteMappedFormIsRefusedToo() throws Exception {
    // A resolver can hand over ::ffff:127.0.0.1 as an Inet6Address rather than the IPv4 address.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
    assertTrue(address instanceof Inet6Address);
    assertEquals(Optional.of("IPv4-mapped"), WebhookAddresses.refusal(address));
  }

  private static InetAddress parse(String text) {
    return IpAddresses.parse(text).orElseThrow(() -> new AssertionError("unreadable " + text));
  }
}
