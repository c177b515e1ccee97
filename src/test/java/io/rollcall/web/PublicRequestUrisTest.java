package io.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The filter against hand-made stand-ins for the container's request objects: what it hands to
 * {@link ContainerRequestContext#setRequestUri(URI, URI)}, which is what every {@link UriInfo}
 * afterwards answers with.
 */
class PublicRequestUrisTest {

  private static final String BASE = "http://10.1.2.3:8080/scim/v2/";
  private static final String REQUEST =
      BASE + "Users?filter=userName%20eq%20%22ann%40example.com%22&startIndex=2";

  /** The URIs the filter set, or nulls when it set none. */
  private static final class Request {
    URI base;
    URI request;
  }

  private static Request filter(
      String publicUrl,
      String contextPath,
      String peer,
      String base,
      String requestUri,
      Map<String, List<String>> headers) {
    PublicUrls urls = new PublicUrls();
    urls.publicUrl = Optional.ofNullable(publicUrl);
    urls.trustedSetting = Optional.of("127.0.0.1, 10.0.0.0/8");
    urls.configure();
    PublicRequestUris filter = new PublicRequestUris();
    filter.urls = urls;
    filter.servletRequest =
        stub(
            HttpServletRequest.class, Map.of("getContextPath", contextPath, "getRemoteAddr", peer));
    UriInfo info =
        stub(
            UriInfo.class,
            Map.of("getBaseUri", URI.create(base), "getRequestUri", URI.create(requestUri)));
    MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
    headers.forEach(sent::addAll);
    Request seen = new Request();
    ContainerRequestContext context =
        (ContainerRequestContext)
            Proxy.newProxyInstance(
                PublicRequestUrisTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getUriInfo" -> info;
                      case "getHeaders" -> sent;
                      case "setRequestUri" -> {
                        seen.base = (URI) args[0];
                        seen.request = (URI) args[1];
                        yield null;
                      }
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    filter.filter(context);
    return seen;
  }

  private static <T> T stub(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            PublicRequestUrisTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answers.get(method.getName());
            }));
  }

  @Test
  void theConfiguredUrlAndItsPrefixReplaceTheInternalOneQueryIncluded() {
    Request seen =
        filter("https://idp.example.com/rollcall", "", "198.51.100.7", BASE, REQUEST, Map.of());
    assertEquals(URI.create("https://idp.example.com/rollcall/scim/v2/"), seen.base);
    assertEquals(
        URI.create(
            "https://idp.example.com/rollcall/scim/v2/Users"
                + "?filter=userName%20eq%20%22ann%40example.com%22&startIndex=2"),
        seen.request);
  }

  @Test
  void theContextPathGivesWayToThePublicPath() {
    Request seen =
        filter(
            "https://rollcall.example.com/",
            "/rollcall",
            "198.51.100.7",
            "http://10.1.2.3:8080/rollcall/api/",
            "http://10.1.2.3:8080/rollcall/api/admin/tenants",
            Map.of());
    assertEquals(URI.create("https://rollcall.example.com/api/"), seen.base);
    assertEquals(URI.create("https://rollcall.example.com/api/admin/tenants"), seen.request);
  }

  @Test
  void aTrustedProxysForwardedHeadersAreHonoured() {
    Request seen =
        filter(
            null,
            "",
            "127.0.0.1",
            BASE,
            REQUEST,
            Map.of(
                "X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("rollcall.example.com")));
    assertEquals(URI.create("https://rollcall.example.com/scim/v2/"), seen.base);
    assertEquals(
        "https://rollcall.example.com/scim/v2/Users"
            + "?filter=userName%20eq%20%22ann%40example.com%22&startIndex=2",
        seen.request.toString());
  }

  @Test
  void forwardedHeadersFromAnyoneElseLeaveTheRequestAlone() {
    Request seen =
        filter(
            null,
            "",
            "198.51.100.7",
            BASE,
            REQUEST,
            Map.of(
                "X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("evil.example")));
    assertNull(seen.base);
    assertNull(seen.request);
  }

  @Test
  void malformedForwardedValuesLeaveTheRequestAlone() {
    Request seen =
        filter(
            null,
            "",
            "127.0.0.1",
            BASE,
            REQUEST,
            Map.of(
                "X-Forwarded-Proto", List.of("javascript"),
                "X-Forwarded-Host", List.of("evil.example/steal?x=")));
    assertNull(seen.base);
  }
}
