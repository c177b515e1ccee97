package io.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedHeadersTest {

  private static ForwardedHeaders read(String proto, String host, String port) {
    Map<String, List<String>> headers = new HashMap<>();
    if (proto != null) {
      headers.put(ForwardedHeaders.PROTO, List.of(proto));
    }
    if (host != null) {
      headers.put(ForwardedHeaders.HOST, List.of(host));
    }
    if (port != null) {
      headers.put(ForwardedHeaders.PORT, List.of(port));
    }
    return ForwardedHeaders.read(headers::get);
  }

  @ParameterizedTest(name = "{0} {1} {2} at {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // proto, host, port, internal root, public root
        "https, rollcall.example.com, -, http://10.0.0.7:8080/, https://rollcall.example.com/",
        "HTTPS, Rollcall.Example.COM, -, http://10.0.0.7:8080/, https://rollcall.example.com/",
        "https, rollcall.example.com:8443, -, http://10.0.0.7:8080/, https://rollcall.example.com:8443/",
        "https, rollcall.example.com:443, -, http://10.0.0.7:8080/, https://rollcall.example.com/",
        "https, rollcall.example.com, 8443, http://10.0.0.7:8080/, https://rollcall.example.com:8443/",
        "https, rollcall.example.com:9443, 8443, http://10.0.0.7:8080/, https://rollcall.example.com:9443/",
        "https, -, -, http://rollcall.example.com:8080/, https://rollcall.example.com/",
        "https, -, -, http://rollcall.example.com/, https://rollcall.example.com/",
        "-, rollcall.example.com, -, http://10.0.0.7:8080/, http://rollcall.example.com/",
        "-, -, 8443, http://10.0.0.7:8080/, http://10.0.0.7:8443/",
        "https, 192.0.2.10, -, http://10.0.0.7:8080/, https://192.0.2.10/",
        "https, '[2001:db8::1]:8443', -, http://10.0.0.7:8080/, 'https://[2001:db8::1]:8443/'",
        "https, -, -, 'http://[::1]:8080/', 'https://[::1]/'",
        "https, rollcall.example.com, -, http://10.0.0.7:8080/rollcall/, https://rollcall.example.com/rollcall/",
        "'http, https', 'evil.example, rollcall.example.com', -, http://10.0.0.7:8080/, https://rollcall.example.com/"
      })
  void theProxysWordReplacesWhatTheServerSaw(
      String proto, String host, String port, String internal, String expected) {
    assertEquals(URI.create(expected), read(proto, host, port).applyTo(URI.create(internal)).uri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example/path",
        "user@evil.example",
        "evil.example:80@x",
        "evil.example?x",
        "evil.example#x",
        "evil example",
        "-evil.example",
        "evil-.example",
        "evil..example",
        "evil.example:0",
        "evil.example:65536",
        "evil.example:http",
        "evil.example:",
        "[::1",
        "[evil.example]",
        "[::1]x",
        "[fe80::1%eth0]",
        "ev\u0131l.example",
        "evil.example\r\nSet-Cookie: a=b",
        "%65vil.example"
      })
  void aHostThatIsNotHostAndPortIsIgnored(String host) {
    ForwardedHeaders forwarded = read(null, host, null);
    assertEquals(Optional.empty(), forwarded.host(), host);
    assertTrue(forwarded.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp", "https:", "javascript", "http s", "wss"})
  void aProtoOtherThanHttpOrHttpsIsIgnored(String proto) {
    assertEquals(Optional.empty(), read(proto, null, null).proto());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1", "443a", "1e3", "", "999999"})
  void aPortOutsideOneTo65535IsIgnored(String port) {
    assertTrue(read(null, null, port).port().isEmpty(), port);
  }

  @ParameterizedTest
  @CsvSource({"'https, evil', 'rollcall.example.com'", "'evil', 'rollcall.example.com'"})
  void oneBadHeaderDoesNotSpoilTheOthers(String proto, String host) {
    ForwardedHeaders forwarded = read(proto, host, null);
    assertEquals(Optional.of("rollcall.example.com"), forwarded.host());
    assertEquals(Optional.empty(), forwarded.proto());
  }

  @org.junit.jupiter.api.Test
  void theRightMostOfSeveralHeaderLinesCounts() {
    Map<String, List<String>> headers =
        Map.of(ForwardedHeaders.HOST, List.of("evil.example", "rollcall.example.com"));
    assertEquals(Optional.of("rollcall.example.com"), ForwardedHeaders.read(headers::get).host());
  }
}
