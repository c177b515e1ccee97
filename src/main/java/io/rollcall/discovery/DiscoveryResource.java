package io.rollcall.discovery;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.security.CurrentClient;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery endpoints of RFC 7644 §4, generated for the calling tenant from the same schema
 * registry that drives validation, filtering and projection, so they cannot drift from behaviour.
 */
@Path("")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class DiscoveryResource {

  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

  @Inject CurrentClient client;
  @Inject ServiceProviderConfig serviceProviderConfig;
  @Context UriInfo uriInfo;

  @GET
  @Path("ServiceProviderConfig")
  public Map<String, Object> serviceProviderConfig(@QueryParam("filter") String filter) {
    refuseFilter(filter);
    return serviceProviderConfig.document(base());
  }

  @GET
  @Path("ResourceTypes")
  public Map<String, Object> resourceTypes(@QueryParam("filter") String filter) {
    refuseFilter(filter);
    return list(registry().resourceTypes().stream().map(this::resourceType).toList());
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Map<String, Object> resourceType(@PathParam("name") String name) {
    return registry()
        .resourceType(name)
        .map(this::resourceType)
        .orElseThrow(() -> ScimException.notFound("No resource type named " + name));
  }

  @GET
  @Path("Schemas")
  public Map<String, Object> schemas(@QueryParam("filter") String filter) {
    refuseFilter(filter);
    return list(registry().schemas().stream().map(this::schema).toList());
  }

  @GET
  @Path("Schemas/{id}")
  public Map<String, Object> schema(@PathParam("id") String id) {
    return registry()
        .schema(id)
        .map(this::schema)
        .orElseThrow(() -> ScimException.notFound("No schema with id " + id));
  }

  /** RFC 7644 §4: discovery endpoints do not filter; a filter SHOULD get 403. */
  private static void refuseFilter(String filter) {
    if (filter != null) {
      throw new ScimException(403, null, "Filtering is not supported on discovery endpoints.");
    }
  }

  private SchemaRegistry registry() {
    return client.tenant().schemaRegistry();
  }

  private String base() {
    return uriInfo.getBaseUri().toString().replaceAll("/+$", "");
  }

  private Map<String, Object> list(List<Map<String, Object>> resources) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(LIST_RESPONSE));
    body.put("totalResults", resources.size());
    body.put("itemsPerPage", resources.size());
    body.put("startIndex", 1);
    body.put("Resources", resources);
    return body;
  }

  private Map<String, Object> resourceType(ResourceTypeDefinition type) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(RESOURCE_TYPE_SCHEMA));
    body.put("id", type.name());
    body.put("name", type.name());
    body.put("endpoint", type.endpoint());
    body.put("description", type.description());
    body.put("schema", type.schema().id());
    List<Map<String, Object>> extensions = new ArrayList<>();
    type.extensions()
        .forEach(
            e -> {
              Map<String, Object> ext = new LinkedHashMap<>();
              ext.put("schema", e.schema().id());
              ext.put("required", e.required());
              extensions.add(ext);
            });
    body.put("schemaExtensions", extensions);
    body.put("meta", meta("ResourceType", base() + "/ResourceTypes/" + type.name()));
    return body;
  }

  private Map<String, Object> schema(SchemaDefinition schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(SCHEMA_SCHEMA));
    body.put("id", schema.id());
    body.put("name", schema.name());
    body.put("description", schema.description());
    body.put("attributes", schema.attributes().stream().map(DiscoveryResource::attribute).toList());
    body.put("meta", meta("Schema", base() + "/Schemas/" + schema.id()));
    return body;
  }

  private static Map<String, Object> attribute(AttributeDefinition a) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", a.name());
    body.put("type", a.type().scimName());
    body.put("multiValued", a.multiValued());
    body.put("description", a.description());
    body.put("required", a.required());
    if (!a.isComplex()) {
      body.put("caseExact", a.caseExact());
    }
    if (!a.canonicalValues().isEmpty()) {
      body.put("canonicalValues", a.canonicalValues());
    }
    if (!a.referenceTypes().isEmpty()) {
      body.put("referenceTypes", a.referenceTypes());
    }
    body.put("mutability", a.mutability().scimName());
    body.put("returned", a.returned().scimName());
    body.put("uniqueness", a.uniqueness().scimName());
    if (a.isComplex()) {
      body.put(
          "subAttributes", a.subAttributes().stream().map(DiscoveryResource::attribute).toList());
    }
    return body;
  }

  static Map<String, Object> meta(String resourceType, String location) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", resourceType);
    meta.put("location", location);
    return meta;
  }
}
