package io.rollcall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rollcall.network.IpAddresses;
import io.rollcall.web.InvalidInputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDestinationTest {

  /** A made-up DNS: never asks the network. */
  static final WebhookDestination.Resolver DNS =
      host ->
          switch (host.toLowerCase(java.util.Locale.ROOT)) {
            case "hooks.example.com" -> addresses("93.184.216.34");
            case "localhost" -> addresses("127.0.0.1", "::1");
            case "metadata.internal" -> addresses("169.254.169.254");
            case "db.corp.example" -> addresses("10.0.0.5");
            case "mapped.example" -> addresses("::ffff:192.168.0.1");
            case "mixed.example.com" -> addresses("93.184.216.34", "10.0.0.5");
            case "v6.example.com" -> addresses("2606:4700:4700::1111");
            case "2130706433" -> InetAddress.getAllByName(host); // 127.0.0.1, read without DNS
            default -> throw new UnknownHostException(host);
          };

  static InetAddress[] addresses(String... literals) {
    return java.util.Arrays.stream(literals)
        .map(a -> IpAddresses.parse(a).orElseThrow())
        .toArray(InetAddress[]::new);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://2130706433/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://[::127.0.0.1]/hook",
        "https://0.0.0.0/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.1.2.3/hook",
        "https://172.20.0.1:8443/hook",
        "https://192.168.1.1/hook",
        "https://100.64.1.1/hook",
        "https://224.0.0.1/hook",
        "https://255.255.255.255/hook",
        "https://[fd00::1]:8443/hook",
        "https://[fe80::1]/hook",
        "https://[ff02::1]/hook",
        "https://localhost/hook",
        "https://metadata.internal/computeMetadata",
        "https://db.corp.example/hook",
        "https://mapped.example/hook",
        "https://mixed.example.com/hook",
        "https://nowhere.example.com/hook",
      })
  void internalOrUnresolvableDestinationsAreRefusedWithOneMessage(String url) {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class, () -> WebhookDestination.checkForSaving(url, false, DNS));
    assertEquals(WebhookDestination.NOT_PUBLIC, refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.example.com/hook",
        "ftp://hooks.example.com/hook",
        "https://user:secret@hooks.example.com/hook",
        "https:///hook",
        "hooks.example.com/hook",
        "not a url",
        "",
        "https://hooks.example.com:0/hook",
        "https://exa_mple.com/hook",
      })
  void onlyAbsoluteHttpsUrlsWithoutCredentialsAreAccepted(String url) {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class, () -> WebhookDestination.checkForSaving(url, false, DNS));
    assertEquals(
        "url must be an absolute https URL without user information", refused.getMessage());
  }

  @Test
  void nullIsRefusedToo() {
    assertThrows(
        InvalidInputException.class, () -> WebhookDestination.checkForSaving(null, false, DNS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/rollcall?x=1",
        "https://HOOKS.example.com:8443/",
        "https://93.184.216.34/hook",
        "https://v6.example.com/hook",
        "https://[2606:4700:4700::1111]/hook",
      })
  void publicHttpsDestinationsAreAccepted(String url) {
    assertEquals(url, WebhookDestination.checkForSaving(url, false, DNS));
  }

  @Test
  void theDestinationKeepsTheNameForTlsAndTheCheckedAddressesForTheConnection() throws Exception {
    WebhookDestination d =
        WebhookDestination.of("https://hooks.example.com:8443/in?a=b", false, DNS);
    assertEquals("hooks.example.com", d.host());
    assertEquals("hooks.example.com:8443", d.hostHeader());
    assertEquals("/in?a=b", d.target());
    assertEquals(8443, d.port());
    assertTrue(d.tls());
    assertEquals(List.of(addresses("93.184.216.34")), d.addresses());

    WebhookDestination v6 = WebhookDestination.of("https://[2606:4700:4700::1111]", false, DNS);
    assertEquals("[2606:4700:4700::1111]", v6.hostHeader());
    assertEquals("/", v6.target());
    assertEquals(443, v6.port());
  }

  @Test
  void allowPrivateLetsDevelopmentReceiversThrough() throws Exception {
    assertEquals(
        "http://127.0.0.1:9/hook",
        WebhookDestination.checkForSaving("http://127.0.0.1:9/hook", true, DNS));
    assertEquals(
        "http://localhost/hook",
        WebhookDestination.checkForSaving("http://localhost/hook", true, DNS));
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> WebhookDestination.checkForSaving("ftp://localhost/", true, DNS));
    assertEquals(
        "url must be an absolute http(s) URL without user information", refused.getMessage());
  }

  @Test
  void redirectsAreNeverFollowed() throws Exception {
    List<String> hits = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          hits.add(exchange.getRequestURI().getPath());
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Location", "/elsewhere");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/hook") ? 307 : 204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      WebhookDestination d =
          WebhookDestination.of(
              "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", true, DNS);
      int status =
          WebhookClient.post(
              d,
              Map.of("Content-Type", "application/json"),
              "{}",
              Duration.ofSeconds(2),
              Duration.ofSeconds(5));
      assertEquals(307, status);
      assertEquals(List.of("/hook"), hits, "the redirect target was never asked");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aReceiverThatDoesNotAnswerRunsOutOfTime() throws Exception {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      WebhookDestination d =
          WebhookDestination.of(
              "http://127.0.0.1:" + receiver.getAddress().getPort() + "/", true, DNS);
      assertThrows(
          SocketTimeoutException.class,
          () ->
              WebhookClient.post(d, Map.of(), "{}", Duration.ofSeconds(1), Duration.ofMillis(500)));
    } finally {
      receiver.stop(0);
    }
  }
}
