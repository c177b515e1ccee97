package io.rollcall.users;

import io.rollcall.accounts.HrRecord;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterResolver;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.querying.CursorPaging;
import io.rollcall.querying.ResourceSearch;
import io.rollcall.querying.Sort;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A read-only view of a tenant's provisioned users for the admin console: search by email or name
 * with paging, and one user's attributes grouped by schema. Unlike {@link UserService} it needs no
 * SCIM client; the admin names the tenant. Searches go through the SCIM filter engine.
 */
@Stateless
public class ProvisionedUsers {

  static final int MAX_SEARCH_TEXT = 200;

  private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

  @Inject TenantService tenants;
  @Inject UserRepository users;
  @Inject People people;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** One line of the user list. */
  public record Summary(
      String id, String userName, String displayName, boolean active, Instant lastModified) {}

  public record Page(long total, List<Summary> users) {}

  /** An attribute as the console shows it: a readable path and its value as text. */
  public record Field(String name, String value) {}

  /** The attributes of one schema. */
  public record Section(String title, String schemaUrn, List<Field> fields) {}

  public record Detail(
      String id,
      String userName,
      String displayName,
      boolean active,
      Instant created,
      Instant lastModified,
      Instant accessSince,
      Instant deactivatedAt,
      List<String> permissionGroups,
      List<Section> sections,
      String json) {}

  /**
   * The number of active users of every tenant that has any, in one grouped query (for the tenant
   * list); a tenant without active users is absent.
   */
  public Map<String, Long> activeCountByTenant() {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT u.tenantId, COUNT(u) FROM UserRow u WHERE u.active = 1 GROUP BY u.tenantId",
                Object[].class)
            .getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /**
   * The tenant's users in {@code userName} order whose userName, email, display name or formatted
   * name contains {@code text} (case-insensitively), optionally only active or inactive ones.
   */
  public Page search(String tenantId, String text, Boolean active, int offset, int count) {
    ResourceTypeDefinition type = tenants.get(tenantId).schemaRegistry().user();
    Filter filter = null;
    if (text != null && !text.isBlank()) {
      String value = searchText(text.strip());
      filter =
          Stream.of(
                  AttributePath.of("userName"),
                  AttributePath.of("emails", "value"),
                  AttributePath.of("displayName"),
                  AttributePath.of("name", "formatted"))
              .<Filter>map(path -> new Filter.Comparison(path, ComparisonOperator.CO, value))
              .reduce(Filter.Or::new)
              .orElseThrow();
    }
    if (active != null) {
      // Access is granted unless active is false, so an unassigned active counts as active.
      Filter inactive =
          new Filter.Comparison(AttributePath.of("active"), ComparisonOperator.EQ, false);
      Filter isActive = active ? new Filter.Not(inactive) : inactive;
      filter = filter == null ? isActive : new Filter.And(filter, isActive);
    }
    ResourceSearch<UserRow> searches = users.searches();
    CursorPaging.Counted<UserRow> page =
        searches.page(
            tenantId,
            type,
            filter == null ? null : FilterResolver.resolve(filter, type),
            Sort.resolve("userName", false, type),
            Math.max(0, offset),
            Math.max(0, count),
            null);
    return new Page(
        page.total(),
        page.rows().stream()
            .map(
                u ->
                    new Summary(
                        u.id(),
                        u.userName(),
                        displayName(UserDocuments.fromStored(type, u.document())),
                        u.isActive(),
                        u.lastModified()))
            .toList());
  }

  /** Every attribute of one user, grouped into core, enterprise and the custom extension. */
  public Optional<Detail> find(String tenantId, String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    Tenant tenant = tenants.get(tenantId);
    ResourceTypeDefinition type = tenant.schemaRegistry().user();
    return users.find(tenantId, id).map(u -> detail(tenant, type, u));
  }

  private Detail detail(Tenant tenant, ResourceTypeDefinition type, UserRow user) {
    Map<String, Object> canonical = UserDocuments.fromStored(type, user.document());
    Map<String, Object> core = new LinkedHashMap<>();
    canonical.forEach(
        (key, value) -> {
          if (!"schemas".equals(key) && type.extension(key).isEmpty()) {
            core.put(key, value);
          }
        });
    List<Section> sections = new ArrayList<>();
    sections.add(section("Core", StandardSchemas.USER, core));
    sections.add(
        section(
            "Enterprise",
            StandardSchemas.ENTERPRISE_USER,
            canonical.get(StandardSchemas.ENTERPRISE_USER)));
    sections.add(
        section(
            "Custom extension",
            tenant.customUserSchema(),
            canonical.get(tenant.customUserSchema())));
    if (people.hasHrRecords(tenant)) {
      sections.add(person(type, user));
    }

    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("schemas", canonical.get("schemas"));
    resource.put("id", user.id());
    canonical.forEach(
        (key, value) -> {
          if (!"schemas".equals(key)) {
            resource.put(key, value);
          }
        });
    return new Detail(
        user.id(),
        user.userName(),
        displayName(canonical),
        user.isActive(),
        user.createdAt(),
        user.lastModified(),
        user.accessSince(),
        user.deactivatedAt(),
        UserEvents.groups(user),
        sections,
        PRETTY.toJson(resource));
  }

  /**
   * What permission rules see of the person beyond the SCIM payload: the HR attributes after
   * precedence (see {@link PersonDocuments}) and the hierarchy.
   */
  private Section person(ResourceTypeDefinition type, UserRow user) {
    Optional<HrRecord> hr = people.hrRecord(tenants.get(user.tenantId()), user);
    if (hr.isEmpty()) {
      return new Section(
          "Person for permission rules",
          StandardSchemas.HR_USER,
          List.of(new Field("account", "none in the directory")));
    }
    Map<String, Object> person =
        PersonDocuments.merge(type, UserDocuments.forFilters(type, user), hr.get());
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("title", person.get("title"));
    shown.put("displayName", person.get("displayName"));
    if (person.get(StandardSchemas.ENTERPRISE_USER) instanceof Map<?, ?> enterprise) {
      shown.put("department", enterprise.get("department"));
      shown.put("employeeNumber", enterprise.get("employeeNumber"));
    }
    if (person.get(StandardSchemas.HR_USER) instanceof Map<?, ?> derived) {
      derived.forEach((k, v) -> shown.put(String.valueOf(k), v));
    }
    shown.put("departed", hr.get().departed());
    shown.values().removeIf(Objects::isNull);
    return section(
        "Person for permission rules (HR record + SCIM)", StandardSchemas.HR_USER, shown);
  }

  private static Section section(String title, String urn, Object attributes) {
    List<Field> fields = new ArrayList<>();
    if (attributes instanceof Map<?, ?> map) {
      map.forEach((key, value) -> flatten(String.valueOf(key), value, fields));
    }
    return new Section(title, urn, fields);
  }

  /**
   * {@code name.givenName}; simple lists joined with commas; each element of a complex list under
   * its {@code type} (or its position), e.g. {@code emails[work] (primary)}.
   */
  static void flatten(String path, Object value, List<Field> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, v) -> flatten(path + "." + key, v, out));
    } else if (value instanceof List<?> list) {
      if (list.stream().noneMatch(e -> e instanceof Map)) {
        out.add(
            new Field(
                path, list.stream().map(ProvisionedUsers::text).collect(Collectors.joining(", "))));
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> element)) {
          out.add(new Field(path + "[" + (i + 1) + "]", text(list.get(i))));
          continue;
        }
        Object kind = element.get("type");
        String label =
            path
                + "["
                + (kind == null ? String.valueOf(i + 1) : text(kind))
                + "]"
                + (Boolean.TRUE.equals(element.get("primary")) ? " (primary)" : "");
        Map<Object, Object> rest = new LinkedHashMap<>(element);
        rest.remove("type");
        rest.remove("primary");
        if (rest.size() == 1 && rest.containsKey("value")) {
          out.add(new Field(label, text(rest.get("value"))));
        } else {
          rest.forEach((key, v) -> flatten(label + "." + key, v, out));
        }
      }
    } else {
      out.add(new Field(path, text(value)));
    }
  }

  private static String text(Object value) {
    return value == null ? "null" : value.toString();
  }

  private static String displayName(Map<String, Object> canonical) {
    if (canonical.get("displayName") instanceof String s && !s.isBlank()) {
      return s;
    }
    if (canonical.get("name") instanceof Map<?, ?> name) {
      if (name.get("formatted") instanceof String f && !f.isBlank()) {
        return f;
      }
      String joined =
          ((name.get("givenName") instanceof String g ? g : "")
                  + " "
                  + (name.get("familyName") instanceof String f ? f : ""))
              .strip();
      if (!joined.isEmpty()) {
        return joined;
      }
    }
    return null;
  }

  /** Admin-typed search text, cut to a bounded length and without control characters. */
  static String searchText(String text) {
    String cut = text.length() > MAX_SEARCH_TEXT ? text.substring(0, MAX_SEARCH_TEXT) : text;
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().filter(c -> c >= ' ').forEach(out::appendCodePoint);
    return out.toString();
  }
}
