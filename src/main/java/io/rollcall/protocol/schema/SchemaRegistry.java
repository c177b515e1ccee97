package io.rollcall.protocol.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resource types and schemas one tenant sees. Validation, projection, filtering, sorting and
 * discovery all read from here, so what {@code /Schemas} advertises is what the server does.
 */
public final class SchemaRegistry {

  private final List<ResourceTypeDefinition> resourceTypes;

  private SchemaRegistry(List<ResourceTypeDefinition> resourceTypes) {
    this.resourceTypes = List.copyOf(resourceTypes);
  }

  /**
   * @param customUserUrn the URN of the tenant's custom User extension
   * @param groupsEnabled whether the tenant accepts {@code /Groups}
   */
  public static SchemaRegistry forTenant(String customUserUrn, boolean groupsEnabled) {
    return forTenant(customUserUrn, groupsEnabled, false);
  }

  /**
   * @param hrRecords whether the tenant's people have HR records (access-only tenants), which adds
   *     the read-only {@link StandardSchemas#HR_USER} extension to User
   */
  public static SchemaRegistry forTenant(
      String customUserUrn, boolean groupsEnabled, boolean hrRecords) {
    List<SchemaExtension> extensions = new ArrayList<>();
    extensions.add(new SchemaExtension(StandardSchemas.ENTERPRISE_USER_SCHEMA, false));
    extensions.add(new SchemaExtension(StandardSchemas.customUserSchema(customUserUrn), false));
    if (hrRecords) {
      extensions.add(new SchemaExtension(StandardSchemas.HR_USER_SCHEMA, false));
    }
    List<ResourceTypeDefinition> types = new ArrayList<>();
    types.add(
        new ResourceTypeDefinition(
            "User", "/Users", "User Account", StandardSchemas.USER_SCHEMA, extensions));
    if (groupsEnabled) {
      types.add(
          new ResourceTypeDefinition(
              "Group", "/Groups", "Group", StandardSchemas.GROUP_SCHEMA, List.of()));
    }
    return new SchemaRegistry(types);
  }

  /** The default registry: default custom URN, no groups. Handy in tests. */
  public static SchemaRegistry standard() {
    return forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, false);
  }

  public List<ResourceTypeDefinition> resourceTypes() {
    return resourceTypes;
  }

  public Optional<ResourceTypeDefinition> resourceType(String name) {
    return resourceTypes.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  public ResourceTypeDefinition user() {
    return resourceType("User").orElseThrow();
  }

  /** Every distinct schema, in resource-type order. */
  public List<SchemaDefinition> schemas() {
    List<SchemaDefinition> all = new ArrayList<>();
    for (ResourceTypeDefinition type : resourceTypes) {
      for (SchemaDefinition s : type.schemas()) {
        if (all.stream().noneMatch(x -> x.id().equals(s.id()))) {
          all.add(s);
        }
      }
    }
    return all;
  }

  public Optional<SchemaDefinition> schema(String urn) {
    return schemas().stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
  }
}
