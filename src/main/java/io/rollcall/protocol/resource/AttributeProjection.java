package io.rollcall.protocol.resource;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.Returned;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which attributes of a resource go back to the client: RFC 7643 §2.2 {@code returned} combined
 * with the {@code attributes} and {@code excludedAttributes} parameters of RFC 7644 §3.4.2.5 and
 * §3.9. Built once per request, applied to every resource of the response.
 *
 * <p>Rules, per attribute and per sub-attribute:
 *
 * <ul>
 *   <li>{@code always} ({@code id}) is returned whatever the parameters say, and {@code schemas} is
 *       always present, listing the core URN and the extensions still present after projection;
 *   <li>{@code never} ({@code password}) is never returned, even when named;
 *   <li>{@code default} is returned unless excluded, or unless {@code attributes} is given and
 *       names neither it, nor its parent, nor its schema;
 *   <li>{@code request} is returned only when {@code attributes} names it, its schema, or (for a
 *       sub-attribute) the sub-attribute itself.
 * </ul>
 *
 * <p>Names are those of RFC 7644 §3.10, matched case-insensitively: {@code userName}, {@code
 * name.givenName}, {@code emails.value} (selects {@code value} in every element), a fully qualified
 * {@code urn:…:enterprise:2.0:User:manager.value}, or a bare schema URN meaning every attribute of
 * that schema (for the core URN, also {@code externalId} and {@code meta}). Extension attributes
 * must be qualified with their URN, as §3.10 requires; an unqualified name resolves against the
 * core schema and the common attributes only.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Giving both parameters is a 400: RFC 7644 §3.9 calls them "mutually exclusive", and
 *       guessing which one the client meant would return the wrong data silently.
 *   <li>Names that resolve to no attribute are ignored. The RFC defines no error for them, a
 *       projection cannot select data that does not exist, and a client asking for an attribute of
 *       an extension the tenant has not configured should get the rest of the resource rather than
 *       an error. Empty entries ({@code userName,,emails}) and spaces after commas are ignored too.
 *   <li>An empty parameter ({@code ?attributes=}) counts as absent.
 *   <li>Keys of the stored resource that the schema does not know are never returned, so internal
 *       bookkeeping cannot leak.
 * </ul>
 */
public final class AttributeProjection {

  private enum Mode {
    /** Neither parameter: the {@code returned} characteristic alone decides. */
    DEFAULT,
    /** {@code attributes}: what it names, plus {@code always}. */
    INCLUDE,
    /** {@code excludedAttributes}: the default set minus what it names. */
    EXCLUDE
  }

  /** What a parameter names of one attribute: all of it, or some sub-attributes. */
  private static final class Selection {
    private boolean whole;
    private final Set<String> subAttributes = new HashSet<>();
  }

  private static final String SCHEMAS = "schemas";

  private final ResourceTypeDefinition type;
  private final Mode mode;
  private final Set<String> wholeSchemas = new HashSet<>();
  private final Map<String, Selection> selections = new HashMap<>();

  private AttributeProjection(ResourceTypeDefinition type, Mode mode, List<String> names) {
    this.type = type;
    this.mode = mode;
    names.forEach(this::select);
  }

  /** The projection that applies {@code returned} alone, as for a response to a POST. */
  public static AttributeProjection defaults(ResourceTypeDefinition type) {
    return new AttributeProjection(Objects.requireNonNull(type, "type"), Mode.DEFAULT, List.of());
  }

  /**
   * From the two query parameters as they arrived, comma-separated; {@code null} or blank means
   * absent.
   *
   * @throws ScimException 400 when both are given
   */
  public static AttributeProjection of(
      ResourceTypeDefinition type, String attributes, String excludedAttributes) {
    return of(type, split(attributes), split(excludedAttributes));
  }

  /**
   * From lists of names, as a POST {@code /.search} body carries them (RFC 7644 §3.4.3); {@code
   * null} or empty means absent.
   *
   * @throws ScimException 400 when both are given
   */
  public static AttributeProjection of(
      ResourceTypeDefinition type, List<String> attributes, List<String> excludedAttributes) {
    Objects.requireNonNull(type, "type");
    List<String> included = nonBlank(attributes, "attributes");
    List<String> excluded = nonBlank(excludedAttributes, "excludedAttributes");
    if (!included.isEmpty() && !excluded.isEmpty()) {
      throw ScimException.badRequest(
          "'attributes' and 'excludedAttributes' are mutually exclusive (RFC 7644 §3.9)");
    }
    if (!included.isEmpty()) {
      return new AttributeProjection(type, Mode.INCLUDE, included);
    }
    if (!excluded.isEmpty()) {
      return new AttributeProjection(type, Mode.EXCLUDE, excluded);
    }
    return defaults(type);
  }

  private static List<String> split(String parameter) {
    return parameter == null ? List.of() : Arrays.asList(parameter.split(",", -1));
  }

  private static List<String> nonBlank(List<String> names, String parameter) {
    List<String> result = new ArrayList<>();
    if (names != null && names.size() > ScimLimits.MAX_ATTRIBUTE_NAMES) {
      // Each name is resolved against the schema; a list far longer than the schema is an attack.
      throw ScimException.invalidValue(
          "'" + parameter + "' names more than " + ScimLimits.MAX_ATTRIBUTE_NAMES + " attributes");
    }
    if (names != null) {
      for (String name : names) {
        if (name != null && !name.isBlank()) {
          result.add(name.strip());
        }
      }
    }
    return result;
  }

  private void select(String name) {
    Optional<SchemaDefinition> schema = type.schema(name);
    if (schema.isPresent()) {
      wholeSchemas.add(schema.get().id());
      return;
    }
    String urn = type.schema().id();
    String rest = name;
    Optional<String[]> qualified = type.splitUrn(name);
    if (qualified.isPresent()) {
      urn = qualified.get()[0];
      rest = qualified.get()[1];
    }
    int dot = rest.indexOf('.');
    String attributeName = dot < 0 ? rest : rest.substring(0, dot);
    Optional<AttributeDefinition> attribute = type.attribute(urn, attributeName);
    if (attribute.isEmpty()) {
      return;
    }
    String key = key(urn, attribute.get());
    if (dot < 0) {
      selections.computeIfAbsent(key, k -> new Selection()).whole = true;
      return;
    }
    attribute
        .get()
        .subAttribute(rest.substring(dot + 1))
        .ifPresent(
            sub ->
                selections
                    .computeIfAbsent(key, k -> new Selection())
                    .subAttributes
                    .add(sub.name()));
  }

  /**
   * The projection of a canonical resource: a new map sharing no list or map with the input. Values
   * of unknown keys are dropped.
   */
  public Map<String, Object> apply(Map<String, ?> resource) {
    Objects.requireNonNull(resource, "resource");
    String coreUrn = type.schema().id();
    Map<String, Object> projected = new LinkedHashMap<>();
    List<Object> schemas = new ArrayList<>();
    projected.put(SCHEMAS, schemas);
    schemas.add(coreUrn);
    Map<String, Map<String, Object>> extensions = new HashMap<>();
    for (Map.Entry<String, ?> entry : resource.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key == null || value == null || key.equalsIgnoreCase(SCHEMAS)) {
        continue;
      }
      Optional<SchemaExtension> extension = type.extension(key);
      if (extension.isPresent()) {
        if (value instanceof Map<?, ?> object) {
          SchemaDefinition schema = extension.get().schema();
          Map<String, Object> part = object(schema.id(), schema, object);
          if (!part.isEmpty()) {
            projected.put(schema.id(), part);
            extensions.put(schema.id(), part);
          }
        }
        continue;
      }
      Optional<AttributeDefinition> definition = type.attribute(null, key);
      if (definition.isPresent() && returns(coreUrn, definition.get())) {
        Object part = value(coreUrn, definition.get(), value);
        if (part != null) {
          projected.put(definition.get().name(), part);
        }
      }
    }
    for (SchemaExtension extension : type.extensions()) {
      if (extensions.containsKey(extension.schema().id())) {
        schemas.add(extension.schema().id());
      }
    }
    return projected;
  }

  private Map<String, Object> object(String urn, SchemaDefinition schema, Map<?, ?> values) {
    Map<String, Object> projected = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      Optional<AttributeDefinition> definition = schema.attribute(String.valueOf(entry.getKey()));
      if (definition.isPresent() && returns(urn, definition.get())) {
        Object part = value(urn, definition.get(), entry.getValue());
        if (part != null) {
          projected.put(definition.get().name(), part);
        }
      }
    }
    return projected;
  }

  /** The projected value of a returned attribute, or {@code null} when nothing of it is left. */
  private Object value(String urn, AttributeDefinition definition, Object value) {
    if (!(value instanceof List<?> list)) {
      return single(urn, definition, value);
    }
    List<Object> projected = new ArrayList<>();
    for (Object item : list) {
      Object part = single(urn, definition, item);
      if (part != null) {
        projected.add(part);
      }
    }
    return projected.isEmpty() ? null : projected;
  }

  private Object single(String urn, AttributeDefinition definition, Object value) {
    if (value == null || !definition.isComplex()) {
      return value;
    }
    if (!(value instanceof Map<?, ?> complex)) {
      return null;
    }
    Map<String, Object> projected = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : complex.entrySet()) {
      Optional<AttributeDefinition> sub = definition.subAttribute(String.valueOf(entry.getKey()));
      if (entry.getValue() != null && sub.isPresent() && returns(urn, definition, sub.get())) {
        projected.put(sub.get().name(), entry.getValue());
      }
    }
    return projected.isEmpty() ? null : projected;
  }

  /**
   * Whether any part of the attribute at {@code path} would be returned, so that a service can skip
   * loading what is not wanted (a Group's {@code members} under {@code
   * excludedAttributes=members}). A {@code null} schema URN means the core schema or a common
   * attribute; an unknown path is never included.
   */
  public boolean includes(AttributePath path) {
    Objects.requireNonNull(path, "path");
    String urn = type.schema().id();
    if (path.schemaUrn() != null) {
      Optional<SchemaDefinition> schema = type.schema(path.schemaUrn());
      if (schema.isEmpty()) {
        return false;
      }
      urn = schema.get().id();
    }
    Optional<AttributeDefinition> definition = type.attribute(urn, path.attribute());
    if (definition.isEmpty() || !returns(urn, definition.get())) {
      return false;
    }
    if (!path.hasSubAttribute()) {
      return true;
    }
    String schemaUrn = urn;
    return definition
        .get()
        .subAttribute(path.subAttribute())
        .map(sub -> returns(schemaUrn, definition.get(), sub))
        .orElse(false);
  }

  /** Whether any attribute of the schema with this URN (core or extension) would be returned. */
  public boolean includesSchema(String urn) {
    Optional<SchemaDefinition> schema = type.schema(urn);
    if (schema.isEmpty()) {
      return false;
    }
    String id = schema.get().id();
    return schema.get().attributes().stream().anyMatch(definition -> returns(id, definition));
  }

  /** The top-level decision. */
  private boolean returns(String urn, AttributeDefinition definition) {
    Returned returned = definition.returned();
    if (returned == Returned.NEVER) {
      return false;
    }
    if (returned == Returned.ALWAYS) {
      return true;
    }
    return switch (mode) {
      case DEFAULT -> returned == Returned.DEFAULT;
      case INCLUDE -> wholeSchemas.contains(urn) || selections.containsKey(key(urn, definition));
      case EXCLUDE -> returned == Returned.DEFAULT && !wholly(urn, definition);
    };
  }

  /** The decision for a sub-attribute, once its parent is returned. */
  private boolean returns(String urn, AttributeDefinition parent, AttributeDefinition sub) {
    Returned returned = sub.returned();
    if (returned == Returned.NEVER) {
      return false;
    }
    if (returned == Returned.ALWAYS) {
      return true;
    }
    Selection selection = selections.get(key(urn, parent));
    boolean named = selection != null && selection.subAttributes.contains(sub.name());
    return switch (mode) {
      case DEFAULT -> returned == Returned.DEFAULT;
      case INCLUDE -> named || (wholly(urn, parent) && returned == Returned.DEFAULT);
      case EXCLUDE -> returned == Returned.DEFAULT && !named;
    };
  }

  /** Whether the parameter names the attribute itself or its whole schema. */
  private boolean wholly(String urn, AttributeDefinition definition) {
    Selection selection = selections.get(key(urn, definition));
    return wholeSchemas.contains(urn) || (selection != null && selection.whole);
  }

  private static String key(String urn, AttributeDefinition definition) {
    return urn + ":" + definition.name();
  }
}
