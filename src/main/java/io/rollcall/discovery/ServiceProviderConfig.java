package io.rollcall.discovery;

import io.rollcall.protocol.ScimLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 7643 §5 service provider configuration. Each flag states what the server really does; the
 * numbers come from {@link ScimLimits}, which the request handling enforces.
 */
@ApplicationScoped
public class ServiceProviderConfig {

  /** Whether a feature is implemented; changed only together with the code that implements it. */
  static final boolean PATCH = true;

  static final boolean FILTER = true;
  static final boolean SORT = true;
  static final boolean ETAG = true;
  static final boolean CURSOR_PAGINATION = true;
  static final boolean BULK = true;

  public Map<String, Object> document(String base) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(DiscoveryResource.SPC_SCHEMA));
    body.put("documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644");
    body.put("patch", Map.of("supported", PATCH));
    body.put("bulk", bulk());
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("supported", FILTER);
    filter.put("maxResults", ScimLimits.MAX_PAGE_SIZE);
    body.put("filter", filter);
    body.put("changePassword", Map.of("supported", false));
    body.put("sort", Map.of("supported", SORT));
    body.put("etag", Map.of("supported", ETAG));
    body.put("pagination", pagination());
    body.put("authenticationSchemes", List.of(bearer()));
    body.put(
        "meta", DiscoveryResource.meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
    return body;
  }

  private static Map<String, Object> bulk() {
    Map<String, Object> bulk = new LinkedHashMap<>();
    bulk.put("supported", BULK);
    bulk.put("maxOperations", ScimLimits.MAX_BULK_OPERATIONS);
    // One body limit for every SCIM request, bulk or not; ScimJson enforces it.
    bulk.put("maxPayloadSize", ScimLimits.MAX_PAYLOAD_BYTES);
    return bulk;
  }

  /** RFC 9865 §5: which pagination methods the server offers, and their limits. */
  private static Map<String, Object> pagination() {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("cursor", CURSOR_PAGINATION);
    pagination.put("index", true);
    pagination.put("defaultPaginationMethod", "index");
    pagination.put("defaultPageSize", ScimLimits.DEFAULT_PAGE_SIZE);
    pagination.put("maxPageSize", ScimLimits.MAX_PAGE_SIZE);
    if (CURSOR_PAGINATION) {
      pagination.put("cursorTimeout", ScimLimits.CURSOR_TIMEOUT_SECONDS);
    }
    return pagination;
  }

  private static Map<String, Object> bearer() {
    Map<String, Object> scheme = new LinkedHashMap<>();
    scheme.put("type", "oauthbearertoken");
    scheme.put("name", "Bearer token");
    scheme.put(
        "description",
        "A per-tenant secret token, minted by a Rollcall admin, sent as Authorization: Bearer.");
    scheme.put("specUri", "https://www.rfc-editor.org/rfc/rfc6750");
    scheme.put("primary", true);
    return scheme;
  }
}
