package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.network.TrustedProxies;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 ::1");

  static Stream<Arguments> requests() {
    return Stream.of(
        // peer, X-Forwarded-For headers, the client Rollcall believes, why
        Arguments.of("198.51.100.7", List.of(), "198.51.100.7", "no proxy"),
        Arguments.of(
            "198.51.100.7",
            List.of("203.0.113.9"),
            "198.51.100.7",
            "untrusted peer: header ignored"),
        Arguments.of("127.0.0.1", List.of("203.0.113.9"), "203.0.113.9", "one trusted proxy"),
        Arguments.of(
            "127.0.0.1",
            List.of("1.2.3.4, 203.0.113.9"),
            "203.0.113.9",
            "spoofed entry on the left"),
        Arguments.of(
            "127.0.0.1",
            List.of("1.2.3.4, 203.0.113.9, 10.1.2.3"),
            "203.0.113.9",
            "a chain of trusted proxies is skipped"),
        Arguments.of(
            "127.0.0.1", List.of("1.2.3.4", "203.0.113.9"), "203.0.113.9", "several headers"),
        Arguments.of("127.0.0.1", List.of(), "127.0.0.1", "trusted peer without the header"),
        Arguments.of("127.0.0.1", List.of("10.0.0.5"), "10.0.0.5", "every hop trusted: left-most"),
        Arguments.of(
            "127.0.0.1", List.of("1.2.3.4, garbage"), "127.0.0.1", "unreadable: the proxy itself"),
        Arguments.of(
            "127.0.0.1", List.of("1.2.3.4, evil.example"), "127.0.0.1", "names are never resolved"),
        Arguments.of("127.0.0.1", List.of(""), "127.0.0.1", "empty header"),
        Arguments.of("127.0.0.1", List.of("203.0.113.9:51234"), "203.0.113.9", "IPv4 with port"),
        Arguments.of(
            "127.0.0.1", List.of("[2001:db8::7]:443"), "2001:db8:0:0:0:0:0:7", "IPv6 with port"),
        Arguments.of("::1", List.of("2001:db8::7"), "2001:db8:0:0:0:0:0:7", "IPv6 proxy"),
        Arguments.of(
            "127.0.0.1", List.of("::ffff:203.0.113.9"), "203.0.113.9", "IPv4-mapped is IPv4"),
        Arguments.of("127.0.0.1", List.of("1.2.3.04"), "127.0.0.1", "ambiguous octal refused"),
        Arguments.of(
            "unix-socket", List.of("1.2.3.4"), "unix-socket", "a peer that is no address"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("requests")
  void theClientIsTheRightMostEntryThatIsNotATrustedProxy(
      String peer, List<String> forwardedFor, String client, String why) {
    assertEquals(client, ClientAddresses.resolve(PROXIES, peer, forwardedFor));
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.1/8", "1.2.3", "10.0.0.0/x"})
  void aBadTrustedProxyEntryStopsTheStart(String entry) {
    assertThrows(IllegalStateException.class, () -> TrustedProxies.parse(entry));
  }

  @org.junit.jupiter.api.Test
  void manyHopsAreNotWalkedForever() {
    String chain = "203.0.113.9, " + "10.0.0.1, ".repeat(100) + "10.0.0.2";
    assertEquals("10.0.0.1", ClientAddresses.resolve(PROXIES, "127.0.0.1", List.of(chain)));
  }
}
