package io.rollcall.protocol.resource;

import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.StorableText;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeValues;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.Mutability;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaExtension;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.protocol.schema.Uniqueness;
import java.math.BigDecimal;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a resource as a client sent it (POST, PUT, or the result of a PATCH) into Rollcall's
 * canonical form, or rejects it with a {@link ScimException} of status 400. Nothing else escapes
 * for bad input, whatever the shape of the map.
 *
 * <p>The canonical form (RFC 7643 §2, §3):
 *
 * <ul>
 *   <li>attribute names and extension URNs carry the schema's spelling, whatever case the client
 *       used (RFC 7643 §2.1); extension attributes are nested under their URN;
 *   <li>{@code schemas} comes first and lists the core URN followed by the URNs of the extensions
 *       that hold at least one value, in the order the resource type declares them;
 *   <li>attributes follow in schema order: common attributes, core attributes, then one object per
 *       extension; sub-attributes in schema order; multi-valued elements in the client's order;
 *   <li>values are {@link String}, {@link Boolean}, {@link BigDecimal}, {@link List} or {@link
 *       Map}; {@code dateTime} stays the string the client sent, {@code integer} becomes a {@code
 *       BigDecimal} with scale 0;
 *   <li>{@code null}, empty lists and complex values without sub-attributes are removed, being
 *       unassigned (RFC 7643 §2.5);
 *   <li>readOnly attributes ({@code id}, {@code meta}, {@code groups}, {@code manager.displayName},
 *       {@code members.display}) are removed (RFC 7643 §2.2 "SHALL be ignored"); the writeOnly
 *       {@code password} is kept for the caller to hash or drop;
 *   <li>maps and lists are fresh, mutable, and share nothing with the input.
 * </ul>
 *
 * <p>Decisions where the RFCs leave room:
 *
 * <ul>
 *   <li>Empty strings are kept as sent. They are values, not the "unassigned" state of RFC 7643
 *       §2.5, and keeping them makes a GET return exactly what Okta wrote (it sends {@code ""} for
 *       an unset {@code middleName}). A required attribute must not be blank, though.
 *   <li>Unknown attributes are a 400 {@code invalidValue} naming every one of them: silently
 *       dropping data an IdP sent hides mapping mistakes until someone misses the data. A tenant
 *       whose identity provider is known to send them (see {@link Tolerances.UnknownAttributes})
 *       has them dropped instead, and their names, never their values, go to {@link
 *       DroppedAttributes} for the connection check.
 *   <li>{@code schemas} is advisory on input. A missing {@code schemas}, a missing core URN and an
 *       extension whose key is present but whose URN is not listed are all tolerated; the output
 *       derives {@code schemas} from the data. A SCIM URN ({@code urn:ietf:params:scim:…}) that
 *       names no schema of this resource type is a 400 {@code invalidValue}: it usually means the
 *       wrong endpoint. So is any other URN the resource type does not have, except Microsoft's own
 *       schema namespace, which Entra ID lists on groups with no attributes under it, and — when
 *       unknown attributes are dropped — an extension URN, which is dropped and reported with them.
 *   <li>An attribute given twice under different spellings ({@code userName} and {@code USERNAME},
 *       or nested and fully qualified) is a 400 {@code invalidValue}; single-valued complex values
 *       given in parts are merged when the parts do not overlap.
 *   <li>{@code canonicalValues} such as the email {@code type}s are not enforced; RFC 7643 §7 lets
 *       clients use other values and IdPs do.
 * </ul>
 *
 * <p>Deliberate tolerance of what IdPs actually send, each marked where it happens and each applied
 * only when the caller's {@link Tolerances} allow its {@link Tolerance}:
 *
 * <ul>
 *   <li>the strings {@code "true"} and {@code "false"} in any case for a boolean (Entra ID sends
 *       {@code "False"});
 *   <li>a single value for a multi-valued attribute, taken as a one-element list;
 *   <li>extension attributes as fully qualified top-level keys such as {@code
 *       urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department} (Entra ID);
 *   <li>the enterprise {@code manager} as a plain string id instead of {@code {"value": id}} (Entra
 *       ID).
 * </ul>
 */
public final class ResourceNormalizer {

  /**
   * Size limits, checked after the JSON is parsed. Key-like attributes (those with a uniqueness
   * constraint, and {@code externalId}) get a tighter cap because they are indexed.
   *
   * @param maxStringLength the longest string or reference, in UTF-16 code units
   * @param maxKeyLength the longest {@code userName}, Group {@code displayName} or {@code
   *     externalId}
   * @param maxPasswordLength the longest writeOnly value
   * @param maxBinaryLength the longest base64 text of a binary value (certificates are large)
   * @param maxValues the most elements of one multi-valued attribute
   * @param maxMembers the most elements of a Group's {@code members}
   */
  public record Limits(
      int maxStringLength,
      int maxKeyLength,
      int maxPasswordLength,
      int maxBinaryLength,
      int maxValues,
      int maxMembers) {

    public static final Limits DEFAULT = new Limits(4096, 512, 1024, 65_536, 100, 100_000);

    public Limits {
      if (maxStringLength < 1
          || maxKeyLength < 1
          || maxPasswordLength < 1
          || maxBinaryLength < 1
          || maxValues < 1
          || maxMembers < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  private static final String SCHEMAS = "schemas";
  private static final String MICROSOFT_SCHEMAS = "http://schemas.microsoft.com/";
  private static final String SCIM_CORE_SCHEMAS = "urn:ietf:params:scim:schemas:core:";
  private static final String SCIM_MESSAGES = "urn:ietf:params:scim:api:";
  private static final String MANAGER_PATH = StandardSchemas.ENTERPRISE_USER + ":manager";
  private static final String MEMBERS_PATH = "members";
  private static final int MAX_NAME_IN_DETAIL = 100;
  private static final int MAX_NAMES_IN_DETAIL = 10;

  private final ResourceTypeDefinition type;
  private final Limits limits;
  private final Tolerances tolerances;
  private final DroppedAttributes dropped;
  private final List<AttributeDefinition> coreAttributes;

  /** With every tolerance and unknown attributes refused. */
  public ResourceNormalizer(ResourceTypeDefinition type) {
    this(type, Limits.DEFAULT);
  }

  public ResourceNormalizer(ResourceTypeDefinition type, Limits limits) {
    this(type, limits, Tolerances.ANY_IDP, new DroppedAttributes());
  }

  /**
   * @param tolerances how far to bend RFC 7643 for the tenant's identity provider
   * @param dropped where names of unknown attributes go when the tolerances drop them
   */
  public ResourceNormalizer(
      ResourceTypeDefinition type, Tolerances tolerances, DroppedAttributes dropped) {
    this(type, Limits.DEFAULT, tolerances, dropped);
  }

  public ResourceNormalizer(
      ResourceTypeDefinition type,
      Limits limits,
      Tolerances tolerances,
      DroppedAttributes dropped) {
    this.type = Objects.requireNonNull(type, "type");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.tolerances = Objects.requireNonNull(tolerances, "tolerances");
    this.dropped = Objects.requireNonNull(dropped, "dropped");
    List<AttributeDefinition> core = new ArrayList<>(CommonAttributes.ALL);
    core.addAll(type.schema().attributes());
    this.coreAttributes = List.copyOf(core);
  }

  public ResourceTypeDefinition resourceType() {
    return type;
  }

  /**
   * The canonical form of {@code input}.
   *
   * @throws ScimException with status 400 ({@code invalidSyntax} for a missing body, {@code
   *     invalidValue} otherwise) when the input does not fit the resource type
   */
  public Map<String, Object> normalize(Map<String, ?> input) {
    if (input == null) {
      throw ScimException.invalidSyntax("the request body must be a JSON object");
    }
    String coreUrn = type.schema().id();
    Map<String, List<Map.Entry<String, Object>>> bySchema = new LinkedHashMap<>();
    for (SchemaDefinition schema : type.schemas()) {
      bySchema.put(schema.id(), new ArrayList<>());
    }
    for (Map.Entry<String, ?> entry : input.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      if (key.equalsIgnoreCase(SCHEMAS)) {
        checkDeclaredSchemas(value);
        continue;
      }
      Optional<SchemaExtension> extension = type.extension(key);
      if (extension.isPresent()) {
        String urn = extension.get().schema().id();
        if (value == null) {
          continue;
        }
        if (!(value instanceof Map<?, ?> object)) {
          throw typeError(urn, "a JSON object");
        }
        for (Map.Entry<?, ?> attribute : object.entrySet()) {
          bySchema.get(urn).add(rawEntry(attribute.getKey(), attribute.getValue()));
        }
        continue;
      }
      Optional<String[]> qualified =
          tolerances.allows(Tolerance.QUALIFIED_TOP_LEVEL_KEYS)
              ? type.splitUrn(key)
              : Optional.empty();
      if (qualified.isPresent()) {
        addQualified(bySchema.get(qualified.get()[0]), qualified.get()[1], value);
        continue;
      }
      bySchema.get(coreUrn).add(rawEntry(key, value));
    }

    List<String> unknown = new ArrayList<>();
    Map<String, Object> canonical = new LinkedHashMap<>();
    List<Object> schemas = new ArrayList<>();
    canonical.put(SCHEMAS, schemas);
    schemas.add(coreUrn);
    canonical.putAll(attributes(coreAttributes, bySchema.get(coreUrn), "", unknown));
    for (SchemaExtension extension : type.extensions()) {
      String urn = extension.schema().id();
      Map<String, Object> values =
          attributes(extension.schema().attributes(), bySchema.get(urn), urn + ":", unknown);
      if (!values.isEmpty()) {
        canonical.put(urn, values);
        schemas.add(urn);
      }
    }
    if (!unknown.isEmpty()) {
      if (!tolerances.dropsUnknownAttributes()) {
        throw ScimException.invalidValue(unknownDetail(unknown))
            .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
      }
      // Already left out of the canonical form; only their names are kept, for the report.
      unknown.forEach(dropped::add);
    }
    checkRequired(canonical);
    return canonical;
  }

  /**
   * Checks a PUT against the stored resource, both in canonical form (RFC 7644 §3.5.1): an {@code
   * immutable} attribute that has a value may not change, and omitting it counts as a change
   * because PUT replaces the whole resource. Immutable sub-attributes of a single-valued complex
   * attribute are checked the same way. For multi-valued complex attributes (a Group's {@code
   * members}) elements have no identity beyond their values, so replacing the list adds and removes
   * elements rather than updating one, and is allowed.
   *
   * <p>Nothing is carried over: readOnly attributes are the server's to set after this check, and
   * every other attribute takes the replacement's value or none.
   *
   * @throws ScimException {@code mutability} naming the attribute
   */
  public void checkReplace(Map<String, ?> stored, Map<String, ?> replacement) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(replacement, "replacement");
    for (SchemaDefinition schema : type.schemas()) {
      boolean core = schema.id().equals(type.schema().id());
      Map<?, ?> before = core ? stored : asMap(stored.get(schema.id()));
      Map<?, ?> after = core ? replacement : asMap(replacement.get(schema.id()));
      List<AttributeDefinition> definitions = core ? coreAttributes : schema.attributes();
      String prefix = core ? "" : schema.id() + ":";
      for (AttributeDefinition definition : definitions) {
        Object old = before.get(definition.name());
        Object now = after.get(definition.name());
        String path = prefix + definition.name();
        if (definition.mutability() == Mutability.IMMUTABLE) {
          requireSame(definition, old, now, path);
        } else if (definition.isComplex() && !definition.multiValued() && old instanceof Map) {
          Map<?, ?> oldParts = asMap(old);
          Map<?, ?> newParts = asMap(now);
          for (AttributeDefinition sub : definition.subAttributes()) {
            if (sub.mutability() == Mutability.IMMUTABLE) {
              requireSame(
                  sub, oldParts.get(sub.name()), newParts.get(sub.name()), path + "." + sub.name());
            }
          }
        }
      }
    }
  }

  private static void requireSame(
      AttributeDefinition definition, Object old, Object now, String path) {
    if (old != null && !same(definition, old, now)) {
      throw ScimException.mutability("attribute '" + path + "' is immutable and already set");
    }
  }

  private void checkDeclaredSchemas(Object value) {
    if (value == null) {
      return;
    }
    // RFC 7643 §3: "schemas" is a multi-valued attribute, a JSON array. A lone string is a body
    // that does not follow the schema (RFC 7644 §3.12 invalidSyntax); Okta and Entra ID always
    // send an array.
    if (!(value instanceof List<?> urns)) {
      throw ScimException.invalidSyntax("attribute 'schemas' must be a JSON array of schema URNs");
    }
    for (Object urn : urns) {
      if (!(urn instanceof String text)) {
        throw ScimException.invalidValue("attribute 'schemas' must be a list of schema URNs");
      }
      if (type.schema(text).isPresent()) {
        continue;
      }
      // Under DROP_AND_REPORT an extension this tenant lacks is dropped with its attributes, not
      // refused: Entra ID lists a custom extension it was mapped to in schemas. A core schema or a
      // message URN still means the wrong endpoint.
      if (tolerances.dropsUnknownAttributes()
          && !text.regionMatches(true, 0, SCIM_CORE_SCHEMAS, 0, SCIM_CORE_SCHEMAS.length())
          && !text.regionMatches(true, 0, SCIM_MESSAGES, 0, SCIM_MESSAGES.length())) {
        dropped.add(text);
        continue;
      }
      // Non-standard tolerance FOREIGN_SCHEMA_URNS (Entra ID): its group payloads list
      // Microsoft's own schema (http://schemas.microsoft.com/…/ADSCIM/2.0/Group) with no
      // attributes under it, so that namespace is ignored (attributes filed under it are still
      // unknown). Any other URN is a schema this server does not have: a SCIM URN of another
      // resource type means the wrong endpoint, and anything else would be data silently dropped.
      if (!tolerances.allows(Tolerance.FOREIGN_SCHEMA_URNS)
          || !text.regionMatches(true, 0, MICROSOFT_SCHEMAS, 0, MICROSOFT_SCHEMAS.length())) {
        throw ScimException.invalidValue(
            "'schemas' lists '"
                + clip(text)
                + "', which is not a schema of resource type "
                + type.name());
      }
    }
  }

  /**
   * Tolerance QUALIFIED_TOP_LEVEL_KEYS (Entra ID): an extension attribute sent as a fully qualified
   * top-level key, possibly with a sub-attribute ({@code …:User:manager.value}), is filed under its
   * extension as if nested.
   */
  private static void addQualified(
      List<Map.Entry<String, Object>> target, String name, Object value) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      target.add(rawEntry(name, value));
      return;
    }
    Map<String, Object> part = new LinkedHashMap<>();
    part.put(name.substring(dot + 1), value);
    target.add(rawEntry(name.substring(0, dot), part));
  }

  private static Map.Entry<String, Object> rawEntry(Object key, Object value) {
    return new SimpleImmutableEntry<>(String.valueOf(key), value);
  }

  /**
   * Normalizes the attributes of one schema or one complex value: resolves each name, drops
   * readOnly ones, converts values, and returns them in schema order.
   */
  private Map<String, Object> attributes(
      List<AttributeDefinition> definitions,
      List<Map.Entry<String, Object>> entries,
      String prefix,
      List<String> unknown) {
    Map<String, Object> byName = new HashMap<>();
    for (Map.Entry<String, Object> entry : entries) {
      Optional<AttributeDefinition> found = find(definitions, entry.getKey());
      if (found.isEmpty()) {
        unknown.add(prefix + entry.getKey());
        continue;
      }
      AttributeDefinition definition = found.get();
      if (definition.mutability() == Mutability.READ_ONLY) {
        continue;
      }
      String path = prefix + definition.name();
      Object value = value(definition, entry.getValue(), path, unknown);
      if (value == null) {
        continue;
      }
      Object earlier = byName.putIfAbsent(definition.name(), value);
      if (earlier != null) {
        byName.put(definition.name(), merge(definition, earlier, value, path));
      }
    }
    return ordered(definitions, byName);
  }

  private static Map<String, Object> ordered(
      List<AttributeDefinition> definitions, Map<String, Object> byName) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (AttributeDefinition definition : definitions) {
      Object value = byName.get(definition.name());
      if (value != null) {
        ordered.put(definition.name(), value);
      }
    }
    return ordered;
  }

  private static Object merge(
      AttributeDefinition definition, Object earlier, Object later, String path) {
    if (definition.isComplex()
        && !definition.multiValued()
        && earlier instanceof Map<?, ?> first
        && later instanceof Map<?, ?> second) {
      Map<String, Object> merged = new HashMap<>();
      first.forEach((k, v) -> merged.put((String) k, v));
      for (Map.Entry<?, ?> part : second.entrySet()) {
        if (merged.putIfAbsent((String) part.getKey(), part.getValue()) != null) {
          throw givenTwice(path + "." + part.getKey());
        }
      }
      return ordered(definition.subAttributes(), merged);
    }
    throw givenTwice(path);
  }

  private Object value(
      AttributeDefinition definition, Object raw, String path, List<String> unknown) {
    if (raw == null) {
      return null;
    }
    if (!definition.multiValued()) {
      if (raw instanceof List) {
        throw ScimException.invalidValue("attribute '" + path + "' must be a single value");
      }
      return single(definition, raw, path, unknown);
    }
    // Tolerance SINGLE_VALUE_FOR_MULTI_VALUED: a single value is taken as a one-element list.
    if (!(raw instanceof List) && !tolerances.allows(Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED)) {
      throw ScimException.invalidValue("attribute '" + path + "' must be a JSON array");
    }
    List<?> items = raw instanceof List<?> list ? list : List.of(raw);
    int max = path.equals(MEMBERS_PATH) ? limits.maxMembers() : limits.maxValues();
    if (items.size() > max) {
      throw ScimException.invalidValue(
          "attribute '" + path + "' must not have more than " + max + " values");
    }
    List<Object> values = new ArrayList<>();
    int primaries = 0;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item == null) {
        continue;
      }
      String itemPath = path + "[" + i + "]";
      if (item instanceof List) {
        throw ScimException.invalidValue("attribute '" + itemPath + "' must be a single value");
      }
      Object value = single(definition, item, itemPath, unknown);
      if (value == null) {
        continue;
      }
      if (value instanceof Map<?, ?> complex && Boolean.TRUE.equals(complex.get("primary"))) {
        primaries++;
      }
      values.add(value);
    }
    if (primaries > 1) {
      // RFC 7643 §2.4: "The primary attribute value 'true' MUST appear no more than once."
      throw ScimException.invalidValue(
          "attribute '" + path + "' must not have more than one primary value");
    }
    return values.isEmpty() ? null : values;
  }

  private Object single(
      AttributeDefinition definition, Object raw, String path, List<String> unknown) {
    return switch (definition.type()) {
      case STRING, REFERENCE -> text(definition, raw, path);
      case BINARY -> binary(definition, raw, path);
      case BOOLEAN, INTEGER, DECIMAL, DATE_TIME ->
          AttributeValues.simple(definition, raw, path, tolerances);
      case COMPLEX -> complex(definition, raw, path, unknown);
    };
  }

  private Map<String, Object> complex(
      AttributeDefinition definition, Object raw, String path, List<String> unknown) {
    if (raw instanceof String id
        && path.equals(MANAGER_PATH)
        && tolerances.allows(Tolerance.PLAIN_VALUE_FOR_COMPLEX)) {
      // Tolerance PLAIN_VALUE_FOR_COMPLEX (Entra ID): the manager as a plain id. A blank id names
      // nobody.
      if (id.isBlank()) {
        return null;
      }
      raw = Map.of("value", id);
    }
    if (!(raw instanceof Map<?, ?> object)) {
      throw typeError(path, "a JSON object");
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>();
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      entries.add(rawEntry(entry.getKey(), entry.getValue()));
    }
    Map<String, Object> values =
        attributes(definition.subAttributes(), entries, path + ".", unknown);
    if (values.isEmpty()) {
      return null;
    }
    for (AttributeDefinition sub : definition.subAttributes()) {
      if (sub.required()
          && sub.mutability() != Mutability.READ_ONLY
          && !values.containsKey(sub.name())) {
        throw ScimException.invalidValue("attribute '" + path + "." + sub.name() + "' is required");
      }
    }
    return values;
  }

  private String text(AttributeDefinition definition, Object raw, String path) {
    String text = (String) AttributeValues.simple(definition, raw, path);
    int max = maxLength(definition);
    if (text.length() > max) {
      throw tooLong(path, max);
    }
    if (!StorableText.isStorable(text)) {
      throw ScimException.invalidValue(
          "attribute '" + path + "' contains a NUL character or an unpaired surrogate");
    }
    // A unique value is stored once more as its folded key, which compatibility characters can
    // make longer than the value itself (one ligature folds to as many as 18 characters).
    if (max == limits.maxKeyLength()
        && !definition.caseExact()
        && CaseFolding.fold(text).length() > max) {
      throw ScimException.invalidValue(
          "attribute '" + path + "' is longer than " + max + " characters once normalized");
    }
    return text;
  }

  private int maxLength(AttributeDefinition definition) {
    if (definition.mutability() == Mutability.WRITE_ONLY) {
      return limits.maxPasswordLength();
    }
    if (definition.uniqueness() != Uniqueness.NONE
        || definition.equals(CommonAttributes.EXTERNAL_ID)) {
      return limits.maxKeyLength();
    }
    return limits.maxStringLength();
  }

  /** Long base64 is refused by its length, before it is decoded. */
  private String binary(AttributeDefinition definition, Object raw, String path) {
    if (raw instanceof String text && text.length() > limits.maxBinaryLength()) {
      throw tooLong(path, limits.maxBinaryLength());
    }
    return (String) AttributeValues.simple(definition, raw, path);
  }

  private void checkRequired(Map<String, Object> canonical) {
    for (SchemaDefinition schema : type.schemas()) {
      boolean core = schema.id().equals(type.schema().id());
      Map<?, ?> values = core ? canonical : asMap(canonical.get(schema.id()));
      if (!core && values.isEmpty()) {
        if (type.extension(schema.id()).map(SchemaExtension::required).orElse(false)) {
          throw ScimException.invalidValue("extension '" + schema.id() + "' is required");
        }
        continue;
      }
      for (AttributeDefinition definition : schema.attributes()) {
        if (!definition.required() || definition.mutability() == Mutability.READ_ONLY) {
          continue;
        }
        String path = core ? definition.name() : schema.id() + ":" + definition.name();
        Object value = values.get(definition.name());
        if (value == null) {
          throw ScimException.invalidValue("attribute '" + path + "' is required");
        }
        if (value instanceof String text && text.isBlank()) {
          throw ScimException.invalidValue("attribute '" + path + "' must not be blank");
        }
      }
    }
  }

  /** Equality as RFC 7643 §2.2 {@code caseExact} and §2.4 (order-insensitive) define it. */
  private static boolean same(AttributeDefinition definition, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (definition.multiValued()) {
      if (!(a instanceof List<?> first) || !(b instanceof List<?> second)) {
        return false;
      }
      return first.size() == second.size()
          && containsAll(definition, first, second)
          && containsAll(definition, second, first);
    }
    return sameSingle(definition, a, b);
  }

  private static boolean containsAll(AttributeDefinition definition, List<?> in, List<?> of) {
    for (Object wanted : of) {
      if (in.stream().noneMatch(candidate -> sameSingle(definition, candidate, wanted))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameSingle(AttributeDefinition definition, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (definition.isComplex()) {
      if (!(a instanceof Map<?, ?> first) || !(b instanceof Map<?, ?> second)) {
        return false;
      }
      for (AttributeDefinition sub : definition.subAttributes()) {
        // readOnly parts such as members.display are the server's, not the client's, to state.
        if (sub.mutability() != Mutability.READ_ONLY
            && !same(sub, first.get(sub.name()), second.get(sub.name()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof String first && b instanceof String second) {
      return definition.caseExact() ? first.equals(second) : CaseFolding.equal(first, second);
    }
    if (a instanceof BigDecimal first && b instanceof BigDecimal second) {
      return first.compareTo(second) == 0;
    }
    return a.equals(b);
  }

  private static Optional<AttributeDefinition> find(
      List<AttributeDefinition> definitions, String name) {
    return definitions.stream().filter(d -> d.hasName(name)).findFirst();
  }

  private static Map<?, ?> asMap(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static ScimException typeError(String path, String expected) {
    return ScimException.invalidValue("attribute '" + path + "' must be " + expected);
  }

  private static ScimException tooLong(String path, int max) {
    return ScimException.invalidValue(
        "attribute '" + path + "' must not be longer than " + max + " characters");
  }

  private static ScimException givenTwice(String path) {
    return ScimException.invalidValue("attribute '" + path + "' is given more than once");
  }

  /** Sorted, so that the detail does not depend on the order of the client's JSON members. */
  private static String unknownDetail(List<String> unknown) {
    String names =
        unknown.stream()
            .sorted()
            .limit(MAX_NAMES_IN_DETAIL)
            .map(name -> "'" + clip(name) + "'")
            .collect(Collectors.joining(", "));
    String more =
        unknown.size() > MAX_NAMES_IN_DETAIL
            ? " and " + (unknown.size() - MAX_NAMES_IN_DETAIL) + " more"
            : "";
    return (unknown.size() == 1 ? "unknown attribute " : "unknown attributes ") + names + more;
  }

  /** Client-chosen names go into the error detail; keep that short. */
  private static String clip(String text) {
    return text.length() <= MAX_NAME_IN_DETAIL
        ? text
        : text.substring(0, MAX_NAME_IN_DETAIL) + "...";
  }
}
