package io.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicRootTest {

  private static final URI INTERNAL = URI.create("http://10.0.0.7:8080/");

  @ParameterizedTest
  @CsvSource({
    "https://rollcall.example.com, https://rollcall.example.com/",
    "https://rollcall.example.com/, https://rollcall.example.com/",
    "https://idp.example.com/rollcall, https://idp.example.com/rollcall/",
    "https://idp.example.com/rollcall/, https://idp.example.com/rollcall/",
    "'  http://localhost:8080  ', http://localhost:8080/",
    "https://[2001:db8::1]:8443/x, https://[2001:db8::1]:8443/x/"
  })
  void theConfiguredUrlEndsWithOneSlash(String configured, String root) {
    assertEquals(URI.create(root), PublicRoot.parse(configured).uri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rollcall.example.com",
        "/rollcall",
        "ftp://rollcall.example.com/",
        "https://",
        "https://user:pw@rollcall.example.com/",
        "https://rollcall.example.com/?a=b",
        "https://rollcall.example.com/#top",
        "https://rollcall example.com/",
        "mailto:admin@example.com",
        ""
      })
  void anythingButAnAbsoluteHttpUrlIsRefused(String configured) {
    assertThrows(IllegalArgumentException.class, () -> PublicRoot.parse(configured));
  }

  @Test
  void aBadPublicUrlStopsTheStartNamingTheSetting() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PublicUrls.configured(java.util.Optional.of("rollcall.example.com")));
    assertTrue(e.getMessage().startsWith("rollcall.public-url: "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "http://10.0.0.7:8080/scim/v2/, https://idp.example.com/rollcall/scim/v2/",
    "http://10.0.0.7:8080/scim/v2/Users/2819c223, https://idp.example.com/rollcall/scim/v2/Users/2819c223",
    "http://10.0.0.7:8080/scim/v2/Users?filter=userName%20eq%20%22a%2Bb%40x%22&count=5,"
        + " https://idp.example.com/rollcall/scim/v2/Users?filter=userName%20eq%20%22a%2Bb%40x%22&count=5",
    "http://10.0.0.7:8080/scim/v2/Users/caf%C3%A9, https://idp.example.com/rollcall/scim/v2/Users/caf%C3%A9",
    "http://10.0.0.7:8080/, https://idp.example.com/rollcall/"
  })
  void rebasingKeepsPathAndQueryAsSent(String internal, String expected) {
    PublicRoot root = PublicRoot.parse("https://idp.example.com/rollcall");
    assertEquals(URI.create(expected), root.rebase(INTERNAL, URI.create(internal)));
  }

  @Test
  void aContextPathIsReplacedByThePublicPrefix() {
    PublicRoot root = PublicRoot.parse("https://rollcall.example.com");
    assertEquals(
        URI.create("https://rollcall.example.com/api/admin/tenants"),
        root.rebase(
            URI.create("http://app:8080/rollcall/"),
            URI.create("http://app:8080/rollcall/api/admin/tenants")));
  }

  @Test
  void aUrlOutsideTheInternalRootIsLeftAlone() {
    URI elsewhere = URI.create("http://10.0.0.7:8080/other/x");
    assertEquals(
        elsewhere,
        PublicRoot.parse("https://rollcall.example.com")
            .rebase(URI.create("http://10.0.0.7:8080/rollcall/"), elsewhere));
  }
}
