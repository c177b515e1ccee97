package io.rollcall.groups;

import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ListResponses;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.resource.AttributeProjection;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a stored group as the SCIM resource a client receives (RFC 7643 §3.1, §4.2). */
public final class GroupRepresentation {

  private static final AttributePath MEMBERS = AttributePath.of("members");

  private GroupRepresentation() {}

  static Map<String, Object> render(Group group, URI base, AttributeProjection projection) {
    Map<String, Object> resource = new LinkedHashMap<>();
    Object schemas = group.attributes().get("schemas");
    resource.put("schemas", schemas == null ? List.of() : schemas);
    resource.put("id", group.id());
    group
        .attributes()
        .forEach(
            (key, value) -> {
              if (!"schemas".equals(key)) {
                resource.put(key, value);
              }
            });
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", "Group");
    meta.put("created", timestamp(group.created()));
    meta.put("lastModified", timestamp(group.lastModified()));
    meta.put("location", location(base, group.id()).toString());
    meta.put("version", group.etag());
    resource.put("meta", meta);
    Map<String, Object> projected = projection.apply(resource);
    if (group.members() == null || group.members().isEmpty()) {
      return projected;
    }
    // Members are built once, already projected: a group may have 100,000 of them, too many to
    // render and then copy through the projection.
    List<Map<String, Object>> members = members(group.members(), base, projection);
    if (members.isEmpty()) {
      return projected;
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    projected.forEach(
        (key, value) -> {
          if ("meta".equals(key)) {
            ordered.put("members", members);
          }
          ordered.put(key, value);
        });
    ordered.putIfAbsent("members", members);
    return ordered;
  }

  private static List<Map<String, Object>> members(
      List<Group.Member> stored, URI base, AttributeProjection projection) {
    boolean value = projection.includes(MEMBERS.child("value"));
    boolean ref = projection.includes(MEMBERS.child("$ref"));
    boolean display = projection.includes(MEMBERS.child("display"));
    boolean type = projection.includes(MEMBERS.child("type"));
    if (!value && !ref && !display && !type) {
      return List.of();
    }
    // Member ids are server-issued UUIDs: appending them to the endpoint needs no escaping.
    Map<MemberType, String> endpoints = new EnumMap<>(MemberType.class);
    for (MemberType memberType : MemberType.values()) {
      endpoints.put(memberType, UriBuilder.fromUri(base).path(memberType.endpoint()).build() + "/");
    }
    List<Map<String, Object>> members = new ArrayList<>(stored.size());
    for (Group.Member member : stored) {
      Map<String, Object> element = new LinkedHashMap<>();
      if (value) {
        element.put("value", member.value());
      }
      if (ref) {
        element.put("$ref", endpoints.get(member.type()) + member.value());
      }
      if (display && member.display() != null) {
        element.put("display", member.display());
      }
      if (type) {
        element.put("type", member.type().scimName());
      }
      if (!element.isEmpty()) {
        members.add(element);
      }
    }
    return members;
  }

  /** The list response of a search, each group rendered with the request's projection. */
  public static Map<String, Object> list(
      GroupService.GroupPage page, URI base, ListRequest query, ResourceTypeDefinition type) {
    return ListResponses.page(
        page.totalResults(),
        page.startIndex(),
        resources(page, base, query, type),
        page.nextCursor());
  }

  /** The groups of a page, rendered; for a search that spans resource types. */
  public static List<Map<String, Object>> resources(
      GroupService.GroupPage page, URI base, ListRequest query, ResourceTypeDefinition type) {
    AttributeProjection projection =
        AttributeProjection.of(type, query.attributes(), query.excludedAttributes());
    return page.groups().stream().map(g -> render(g, base, projection)).toList();
  }

  public static URI location(URI base, String id) {
    return UriBuilder.fromUri(base).path("Groups").path(id).build();
  }

  /** xsd:dateTime in UTC with millisecond precision, as databases keep at least that much. */
  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
