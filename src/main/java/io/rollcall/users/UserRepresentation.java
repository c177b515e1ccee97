package io.rollcall.users;

import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ListResponses;
import io.rollcall.protocol.resource.AttributeProjection;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a stored user as the SCIM resource a client receives (RFC 7643 §3.1, §4.1). */
public final class UserRepresentation {

  private UserRepresentation() {}

  static Map<String, Object> render(User user, String location, AttributeProjection projection) {
    Map<String, Object> resource = new LinkedHashMap<>();
    Object schemas = user.attributes().get("schemas");
    resource.put("schemas", schemas == null ? List.of() : schemas);
    resource.put("id", user.id());
    user.attributes()
        .forEach(
            (key, value) -> {
              if ("groups".equals(key)) {
                resource.put(key, withGroupRefs(value, location));
              } else if (!"schemas".equals(key)) {
                resource.put(key, value);
              }
            });
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", "User");
    meta.put("created", timestamp(user.created()));
    meta.put("lastModified", timestamp(user.lastModified()));
    meta.put("location", location);
    meta.put("version", user.etag());
    resource.put("meta", meta);
    return projection.apply(resource);
  }

  /** The list response of a search, each user rendered with the request's projection. */
  public static Map<String, Object> list(
      UserService.UserPage page, URI base, ListRequest query, ResourceTypeDefinition type) {
    return ListResponses.page(
        page.totalResults(),
        page.startIndex(),
        resources(page, base, query, type),
        page.nextCursor());
  }

  /** The users of a page, rendered; for a search that spans resource types. */
  public static List<Map<String, Object>> resources(
      UserService.UserPage page, URI base, ListRequest query, ResourceTypeDefinition type) {
    AttributeProjection projection =
        AttributeProjection.of(type, query.attributes(), query.excludedAttributes());
    return page.users().stream()
        .map(u -> render(u, location(base, u.id()).toString(), projection))
        .toList();
  }

  /** {@code groups.$ref}: the group's location, a sibling of the user's under the same base. */
  private static Object withGroupRefs(Object groups, String userLocation) {
    if (!(groups instanceof List<?> list)) {
      return groups;
    }
    URI user = URI.create(userLocation);
    return list.stream()
        .map(
            item -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> group = new LinkedHashMap<>((Map<String, Object>) item);
              Object id = group.get("value");
              Map<String, Object> element = new LinkedHashMap<>();
              element.put("value", id);
              element.put("$ref", user.resolve("../Groups/" + id).toString());
              element.putAll(group);
              return element;
            })
        .toList();
  }

  public static URI location(URI base, String id) {
    return UriBuilder.fromUri(base).path("Users").path(id).build();
  }

  /** xsd:dateTime in UTC with millisecond precision, as databases keep at least that much. */
  private static String timestamp(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
