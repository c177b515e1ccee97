package io.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.network.TrustedProxies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicUrlsTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, ::1");
  private static final URI INTERNAL = URI.create("http://10.1.2.3:8080/");
  private static final Map<String, List<String>> FORWARDED =
      Map.of(
          "X-Forwarded-Proto", List.of("https"),
          "X-Forwarded-Host", List.of("rollcall.example.com"));

  static Stream<Arguments> requests() {
    return Stream.of(
        // configured public URL, peer, headers, the root Rollcall hands out, why
        Arguments.of(null, "198.51.100.7", Map.of(), INTERNAL.toString(), "nothing: as seen"),
        Arguments.of(
            null, "198.51.100.7", FORWARDED, INTERNAL.toString(), "untrusted peer: ignored"),
        Arguments.of(null, "10.0.0.1", FORWARDED, "https://rollcall.example.com/", "trusted"),
        Arguments.of(null, "::1", FORWARDED, "https://rollcall.example.com/", "trusted over v6"),
        Arguments.of(null, "10.0.0.1", Map.of(), INTERNAL.toString(), "trusted, no headers"),
        Arguments.of(
            null,
            "10.0.0.1",
            Map.of(
                "X-Forwarded-Host",
                List.of("evil.example/x"),
                "X-Forwarded-Proto",
                List.of("gopher")),
            INTERNAL.toString(),
            "trusted, only malformed headers"),
        Arguments.of(
            null, "proxy.internal", FORWARDED, INTERNAL.toString(), "a peer name is not trusted"),
        Arguments.of(
            "https://idp.example.com/rollcall",
            "198.51.100.7",
            Map.of(),
            "https://idp.example.com/rollcall/",
            "configured, with a prefix"),
        Arguments.of(
            "https://idp.example.com/",
            "10.0.0.1",
            FORWARDED,
            "https://idp.example.com/",
            "configured wins over a trusted proxy's headers"));
  }

  @ParameterizedTest(name = "{4}")
  @MethodSource("requests")
  void theConfiguredUrlWinsThenATrustedProxysHeadersThenTheRequest(
      String configured,
      String peer,
      Map<String, List<String>> headers,
      String expected,
      String why) {
    URI root =
        PublicUrls.root(
            PublicUrls.configured(Optional.ofNullable(configured)),
            PROXIES,
            INTERNAL,
            peer,
            headers::get);
    assertEquals(URI.create(expected), root, why);
  }

  @Test
  void theScimBaseUrlSitsUnderTheRootAndItsPrefix() {
    PublicUrls urls = new PublicUrls();
    assertEquals(
        "https://idp.example.com/rollcall/scim/v2",
        urls.scimBaseUrlUnder(URI.create("https://idp.example.com/rollcall/")));
    assertEquals(
        "https://idp.example.com/rollcall/scim/v2",
        urls.scimBaseUrlUnder(URI.create("https://idp.example.com/rollcall/api/").resolve("..")));
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({
    "/app/console/tenants.xhtml, https://idp.example.com/rollcall/console/tenants.xhtml",
    "/app/console/tenant.xhtml?id=7&done=created,"
        + " https://idp.example.com/rollcall/console/tenant.xhtml?id=7&done=created",
    "settings.xhtml?id=7, https://idp.example.com/rollcall/console/settings.xhtml?id=7",
    "https://elsewhere.example/x, https://elsewhere.example/x",
    "//elsewhere.example/x, //elsewhere.example/x",
    "/other-app/x, /other-app/x",
    "'bad path with spaces', 'bad path with spaces'"
  })
  void aRedirectInsideTheApplicationGoesToThePublicUrl(String location, String expected) {
    URI internalRoot = URI.create("http://10.1.2.3:8080/app/");
    assertEquals(
        expected,
        PublicUrls.redirect(
            internalRoot,
            URI.create("https://idp.example.com/rollcall/"),
            URI.create("http://10.1.2.3:8080/app/console/tenant.xhtml"),
            location));
  }

  @Test
  void withoutAPublicRootARedirectIsLeftToTheContainer() {
    URI internalRoot = URI.create("http://10.1.2.3:8080/");
    assertEquals(
        "/console/login.xhtml",
        PublicUrls.redirect(
            internalRoot,
            internalRoot,
            URI.create("http://10.1.2.3:8080/console/tenants.xhtml"),
            "/console/login.xhtml"));
  }

  @Test
  void theCookieIsSecureOnlyWhenTheConfiguredUrlIsHttps() {
    assertEquals(true, https("https://rollcall.example.com"));
    assertEquals(true, https("HTTPS://rollcall.example.com"));
    assertEquals(false, https("http://rollcall.example.com"));
    assertEquals(false, https(null));
  }

  private static boolean https(String configured) {
    PublicUrls urls = new PublicUrls();
    urls.publicUrl = Optional.ofNullable(configured);
    urls.trustedSetting = Optional.empty();
    urls.configure();
    return urls.isHttps();
  }
}
