package io.rollcall.protocol.patch;

import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.AttributePaths;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterEvaluator;
import io.rollcall.protocol.filter.FilterResolver;
import io.rollcall.protocol.filter.PatchPath;
import io.rollcall.protocol.filter.ResolvedPath;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeValues;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.Mutability;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies RFC 7644 §3.5.2 PATCH operations to the SCIM representation of a resource.
 *
 * <p>The input map is never modified: operations run on a deep copy that is returned only when
 * every operation succeeded, so a failure in the last operation leaves the caller's resource as it
 * was (RFC 7644 §3.5.2: "the entire request fails"). The result holds only canonical values: names
 * in the schema's spelling, lists for multi-valued attributes, {@link BigDecimal} numbers, and no
 * empty lists or objects (RFC 7643 §2.5 treats them as unassigned). If the resource has a {@code
 * schemas} list, it is kept in step with the extensions present.
 *
 * <p>Errors, per RFC 7644 Table 9:
 *
 * <ul>
 *   <li>unknown {@code op} (or none) - {@code invalidSyntax}: the operation does not conform to the
 *       PatchOp message schema, whose {@code op} "MAY be one of add, remove, or replace" (§3.5.2);
 *   <li>unparseable path, unknown attribute in a path, malformed value filter in a path - {@code
 *       invalidPath};
 *   <li>{@code remove} without path, and {@code replace} (or {@code add}) through a value filter
 *       that matches nothing - {@code noTarget} (§3.5.2.2, §3.5.2.3);
 *   <li>missing value, value of the wrong type or shape, unknown attribute inside a value, more
 *       than one {@code primary} value - {@code invalidValue};
 *   <li>a path naming a readOnly attribute or sub-attribute, changing an immutable value that is
 *       already set, removing a required attribute - {@code mutability} (§3.5.2.2, RFC 7643 §2.2).
 * </ul>
 *
 * <p>Behaviour the RFC leaves open:
 *
 * <ul>
 *   <li>readOnly sub-attributes inside a value (e.g. {@code members.display}) are ignored, as RFC
 *       7644 §3.5.1 ignores readOnly values in PUT; {@code null} inside a value means "not given".
 *   <li>{@code add} to a multi-valued attribute skips values the attribute already contains: a
 *       value is contained when an existing value has every sub-attribute it gives, with equal
 *       values (§3.5.2.1: "no changes SHOULD be made").
 *   <li>A value that sets {@code primary} to true sets it to false on the attribute's other values
 *       (§3.5.2).
 *   <li>{@code replace} through a value filter without sub-attribute replaces each matching value
 *       whole (§3.5.2.3 "all matching record values SHALL be replaced"), keeping its readOnly
 *       sub-attributes; {@code add} through such a path merges into each matching value.
 *   <li>A single value given for a multi-valued attribute is taken as a one-element list.
 *   <li>{@code attr.sub} on a multi-valued attribute is rejected for add and replace (use a value
 *       filter) and removes the sub-attribute from every value for remove.
 * </ul>
 *
 * <p>Non-standard tolerance of real identity providers, each deliberate, each named by a {@link
 * Tolerance} and applied only when the caller's {@link Tolerances} allow it (otherwise the request
 * gets the RFC's answer). Unknown attributes in a path-less value or inside a complex value are
 * refused or, when the tolerances say so, dropped and noted in {@link DroppedAttributes}:
 *
 * <ul>
 *   <li>Microsoft Entra ID: {@code op} in any case ({@code "Replace"}); {@code "True"}/{@code
 *       "False"} strings for boolean attributes; path-less values whose keys are paths ({@code
 *       "name.givenName"}, {@code "urn:…:enterprise:2.0:User:department"}), value-filtered ones
 *       included ({@code "emails[type eq \"work\"].value"}, applied like a path); {@code
 *       add}/{@code replace} through a value filter that matches nothing creates the value when the
 *       filter is a conjunction of {@code eq} tests on sub-attributes ({@code emails[type eq
 *       "work"].value}); a plain string for a complex attribute with a {@code value} sub-attribute
 *       ({@code manager: "id"}); {@code remove} of a multi-valued attribute with a value removes
 *       only the listed values, matched on {@code value}.
 *   <li>Okta: path-less values may echo readOnly attributes ({@code id}, {@code meta}, {@code
 *       groups}) and {@code schemas}; these are ignored rather than rejected.
 * </ul>
 */
public final class PatchEngine {

  private enum Op {
    ADD,
    REMOVE,
    REPLACE;

    /**
     * Non-standard tolerance OP_IN_ANY_CASE (Entra ID): the RFC spells ops in lower case, Entra
     * capitalises. Without it only the RFC's spelling is an op.
     */
    static Op parse(String op, Tolerances tolerances) {
      boolean anyCase = tolerances.allows(Tolerance.OP_IN_ANY_CASE);
      if (op != null) {
        for (Op candidate : values()) {
          if (anyCase
              ? candidate.keyword().equalsIgnoreCase(op.trim())
              : candidate.keyword().equals(op)) {
            return candidate;
          }
        }
      }
      throw ScimException.invalidSyntax("unknown op '" + op + "'; expected add, remove or replace");
    }

    String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ResourceTypeDefinition type;
  private final Map<String, Object> resource;
  private final Tolerances tolerances;
  private final DroppedAttributes dropped;

  private PatchEngine(
      ResourceTypeDefinition type,
      Map<String, Object> resource,
      Tolerances tolerances,
      DroppedAttributes dropped) {
    this.type = type;
    this.resource = resource;
    this.tolerances = tolerances;
    this.dropped = dropped;
  }

  /** Applies the operations with every tolerance, unknown attributes refused. */
  public static Map<String, Object> apply(
      Map<String, Object> resource, List<PatchOperation> operations, ResourceTypeDefinition type) {
    return apply(resource, operations, type, Tolerances.ANY_IDP, new DroppedAttributes());
  }

  /**
   * Applies the operations in order to a copy of {@code resource}.
   *
   * @return a new map; {@code resource} is left untouched whatever happens
   * @throws ScimException a 400 error whose detail starts with the failing operation's index
   */
  public static Map<String, Object> apply(
      Map<String, Object> resource,
      List<PatchOperation> operations,
      ResourceTypeDefinition type,
      Tolerances tolerances,
      DroppedAttributes dropped) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tolerances, "tolerances");
    Objects.requireNonNull(dropped, "dropped");
    DroppedAttributes mine = new DroppedAttributes();
    PatchEngine engine = new PatchEngine(type, AttributeMaps.copyMap(resource), tolerances, mine);
    for (int i = 0; i < operations.size(); i++) {
      try {
        engine.apply(operations.get(i));
      } catch (ScimException e) {
        throw new ScimException(e.status(), e.scimType(), "Operations[" + i + "]: " + e.detail());
      }
    }
    engine.syncSchemas();
    // Reported only for a request that succeeds, as nothing of a failed one was applied.
    dropped.addAll(mine);
    return engine.resource;
  }

  private void apply(PatchOperation operation) {
    if (operation == null) {
      throw ScimException.invalidSyntax("an operation must be an object");
    }
    Op op = Op.parse(operation.op(), tolerances);
    String path = operation.path();
    Object value = operation.value();
    if (path == null || path.isBlank()) {
      if (op == Op.REMOVE) {
        throw ScimException.noTarget("remove needs a path");
      }
      applyObject(op, null, requireObject(op, value));
      return;
    }
    Optional<SchemaDefinition> schema = type.schema(path);
    if (schema.isPresent()) {
      applySchema(op, schema.get(), value);
      return;
    }
    applyPath(op, path, value);
  }

  /** An operation whose target is an attribute path, possibly with a value filter. */
  private void applyPath(Op op, String path, Object value) {
    PatchPath parsed = PatchPath.parse(path);
    ResolvedPath target =
        AttributePaths.resolve(parsed.target(), type, ScimException::invalidPath, tolerances);
    Filter filter = null;
    if (parsed.hasValueFilter()) {
      Filter.ValuePath resolved =
          (Filter.ValuePath)
              FilterResolver.resolve(
                  new Filter.ValuePath(parsed.target().parent(), parsed.valueFilter()),
                  type,
                  ScimException::invalidPath,
                  tolerances);
      filter = resolved.filter();
    }
    if (isReadOnly(target)) {
      throw ScimException.mutability("'" + target.path() + "' is readOnly");
    }
    if (op == Op.REMOVE) {
      remove(target, filter, value);
    } else {
      write(op, target, filter, value, ScimException::invalidPath);
    }
  }

  /** A path that is a schema URN: the value holds that schema's attributes (RFC 7644 §3.5.2). */
  private void applySchema(Op op, SchemaDefinition schema, Object value) {
    boolean core = schema.id().equals(type.schema().id());
    if (op == Op.REMOVE) {
      if (core) {
        throw ScimException.invalidPath("the core schema cannot be removed");
      }
      for (AttributeDefinition attribute : schema.attributes()) {
        if (attribute.required()) {
          throw ScimException.mutability("'" + attribute.name() + "' is required");
        }
      }
      AttributeMaps.remove(resource, schema.id());
      return;
    }
    applyObject(op, core ? null : schema, requireObject(op, value));
  }

  /**
   * A path-less add or replace (RFC 7644 §3.5.2.1, §3.5.2.3): each member of the value is applied
   * to the attribute it names, within {@code scope} (an extension) or the whole resource.
   */
  private void applyObject(Op op, SchemaDefinition scope, Map<String, Object> value) {
    for (Map.Entry<String, Object> entry : value.entrySet()) {
      String key = entry.getKey();
      Object member = entry.getValue();
      if (member == null) {
        continue;
      }
      if (scope == null) {
        if (CommonAttributes.SCHEMAS.hasName(key)) {
          // Non-standard tolerance READ_ONLY_ECHO (Okta): echoed; the server derives schemas
          // itself.
          if (tolerances.allows(Tolerance.READ_ONLY_ECHO)) {
            continue;
          }
          throw ScimException.mutability("'schemas' is the server's to set");
        }
        Optional<SchemaDefinition> schema = type.schema(key);
        if (schema.isPresent()) {
          boolean core = schema.get().id().equals(type.schema().id());
          applyObject(op, core ? null : schema.get(), requireObject(op, member));
          continue;
        }
      }
      boolean pathKeys = tolerances.allows(Tolerance.PATH_KEYS_IN_VALUE);
      if (pathKeys && key.indexOf('[') >= 0) {
        // Non-standard tolerance PATH_KEYS_IN_VALUE (Entra ID, documented with its
        // aadOptscim062020 flag): a key may be a value-filtered path such as
        // emails[type eq "work"].value; it is applied as if it were the operation's path, so
        // errors in it are invalidPath.
        applyPath(op, scope == null ? key : scope.id() + ":" + key, member);
        continue;
      }
      // Non-standard tolerance PATH_KEYS_IN_VALUE (Entra ID): keys may be paths such as
      // "name.givenName". Without it a key is an attribute name (RFC 7644 §3.5.2.1), and any other
      // key names no attribute.
      if (!pathKeys && !isAttributeName(key)) {
        unknownInValue(key, scope);
        continue;
      }
      AttributePath path = AttributePaths.parse(key, ScimException::invalidValue);
      if (scope != null) {
        if (path.schemaUrn() != null) {
          unknownInValue(key, scope);
          continue;
        }
        path = new AttributePath(scope.id(), path.attribute(), path.subAttribute());
      }
      ResolvedPath target;
      try {
        target = AttributePaths.resolve(path, type, ScimException::invalidValue, tolerances);
      } catch (ScimException unknown) {
        if (ScimException.UNKNOWN_ATTRIBUTE.equals(unknown.auditCode())
            && tolerances.dropsUnknownAttributes()) {
          dropped.add(scope == null ? key : scope.id() + ":" + key);
          continue;
        }
        throw unknown;
      }
      if (isReadOnly(target)) {
        // Non-standard tolerance READ_ONLY_ECHO (Okta): id, meta and groups come back in
        // path-less values. RFC 7644 §3.5.2: "a client MUST NOT modify an attribute that has
        // mutability readOnly".
        if (tolerances.allows(Tolerance.READ_ONLY_ECHO)) {
          continue;
        }
        throw ScimException.mutability("'" + target.path() + "' is readOnly");
      }
      write(op, target, null, member, ScimException::invalidValue);
    }
  }

  /** An ATTRNAME of RFC 7644 §3.10: ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA. */
  private static boolean isAttributeName(String key) {
    return key.matches("[A-Za-z][A-Za-z0-9_$-]*");
  }

  /** A key of a path-less value that names no attribute: refused, or dropped and noted. */
  private void unknownInValue(String key, SchemaDefinition scope) {
    String name = scope == null ? key : scope.id() + ":" + key;
    if (tolerances.dropsUnknownAttributes()) {
      dropped.add(name);
      return;
    }
    throw ScimException.invalidValue(
            "unknown attribute '" + key + "'" + (scope == null ? "" : " in " + scope.id()))
        .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
  }

  private void write(
      Op op,
      ResolvedPath target,
      Filter filter,
      Object raw,
      Function<String, ScimException> pathErrors) {
    if (raw == null) {
      throw ScimException.invalidValue(op.keyword() + " needs a value");
    }
    AttributeDefinition attribute = target.attribute();
    AttributeDefinition sub = target.subAttribute();
    String urn = target.path().schemaUrn();
    Map<String, Object> container = container(urn, true);
    if (filter != null) {
      writeMatching(op, container, attribute, sub, filter, raw);
    } else if (sub == null) {
      set(op, container, attribute, raw);
    } else {
      if (attribute.multiValued()) {
        throw pathErrors.apply(
            "'"
                + target.path()
                + "' would change every value of '"
                + attribute.name()
                + "'; select values with a filter, e.g. "
                + attribute.name()
                + "[type eq \"work\"]."
                + sub.name());
      }
      Map<String, Object> parent =
          AttributeMaps.asMap(AttributeMaps.get(container, attribute.name()));
      if (parent == null) {
        parent = new LinkedHashMap<>();
        AttributeMaps.put(container, attribute.name(), parent);
      }
      set(op, parent, sub, raw);
    }
    tidy(urn, attribute.name());
  }

  /**
   * Sets one attribute of {@code owner}: a multi-valued attribute gains values (add) or is replaced
   * (replace); a complex one has the given sub-attributes merged in (RFC 7644 §3.5.2.1, §3.5.2.3:
   * "Sub-attributes that are not specified in the value parameter are left unchanged"); a simple
   * one is overwritten.
   */
  private void set(Op op, Map<String, Object> owner, AttributeDefinition definition, Object raw) {
    if (definition.multiValued()) {
      List<Object> incoming = coerceList(definition, raw);
      List<Object> list = AttributeMaps.asList(AttributeMaps.get(owner, definition.name()));
      List<Object> added = new ArrayList<>();
      if (op == Op.REPLACE || list == null) {
        list = new ArrayList<>(incoming);
        added.addAll(incoming);
      } else {
        for (Object value : incoming) {
          if (!containsValue(list, value, definition)) {
            list.add(value);
            added.add(value);
          }
        }
      }
      AttributeMaps.put(owner, definition.name(), list);
      enforceSinglePrimary(definition, list, primaries(added));
    } else if (definition.isComplex()) {
      Map<String, Object> incoming = coerceComplex(definition, raw);
      Map<String, Object> existing =
          AttributeMaps.asMap(AttributeMaps.get(owner, definition.name()));
      if (existing == null) {
        existing = new LinkedHashMap<>();
        AttributeMaps.put(owner, definition.name(), existing);
      }
      merge(definition, existing, incoming);
    } else {
      Object value = coerceSimple(definition, raw);
      checkImmutable(definition, AttributeMaps.get(owner, definition.name()), value);
      AttributeMaps.put(owner, definition.name(), value);
    }
  }

  private void writeMatching(
      Op op,
      Map<String, Object> container,
      AttributeDefinition attribute,
      AttributeDefinition sub,
      Filter filter,
      Object raw) {
    List<Object> list = AttributeMaps.asList(AttributeMaps.get(container, attribute.name()));
    List<Map<String, Object>> matched = matching(list, filter);
    boolean created = false;
    if (matched.isEmpty()) {
      // A value filter that matches nothing is noTarget: RFC 7644 §3.5.2.3 says so for replace
      // ("If the target location is a multi-valued attribute for which a value selection filter
      // ... has been supplied and no record match was made, the service provider SHALL indicate
      // failure by returning HTTP status code 400 and a "scimType" error code of "noTarget"");
      // for add, Rollcall applies Table 9's noTarget (§3.12: "a filter that yields no match")
      // rather than guess the element to create — unless tolerated.
      Optional<Map<String, Object>> synthesized =
          tolerances.allows(Tolerance.CREATE_ON_UNMATCHED_FILTER)
              ? synthesize(filter, attribute)
              : Optional.empty();
      Map<String, Object> element =
          synthesized.orElseThrow(
              () ->
                  ScimException.noTarget(
                      "no value of '" + attribute.name() + "' matches the filter"));
      if (list == null) {
        list = new ArrayList<>();
        AttributeMaps.put(container, attribute.name(), list);
      }
      list.add(element);
      matched.add(element);
      created = true;
    }
    List<Map<String, Object>> madePrimary = new ArrayList<>();
    for (Map<String, Object> element : matched) {
      Map<String, Object> incoming;
      if (sub != null) {
        set(op, element, sub, raw);
        incoming = element;
      } else {
        incoming = coerceComplex(attribute, raw);
        if (op == Op.REPLACE && !created) {
          replaceElement(attribute, element, incoming);
        } else {
          merge(attribute, element, incoming);
        }
      }
      if ((sub == null || sub.hasName("primary"))
          && Boolean.TRUE.equals(AttributeMaps.get(incoming, "primary"))) {
        madePrimary.add(element);
      }
    }
    enforceSinglePrimary(attribute, list, madePrimary);
  }

  private void replaceElement(
      AttributeDefinition attribute, Map<String, Object> element, Map<String, Object> incoming) {
    Map<String, Object> replacement = new LinkedHashMap<>();
    for (AttributeDefinition sub : attribute.subAttributes()) {
      Object old = AttributeMaps.get(element, sub.name());
      if (sub.mutability() == Mutability.READ_ONLY && old != null) {
        replacement.put(sub.name(), old);
      }
      checkImmutable(sub, old, incoming.get(sub.name()));
    }
    replacement.putAll(incoming);
    element.clear();
    element.putAll(replacement);
  }

  private void merge(
      AttributeDefinition definition, Map<String, Object> existing, Map<String, Object> incoming) {
    for (Map.Entry<String, Object> entry : incoming.entrySet()) {
      AttributeDefinition sub = definition.subAttribute(entry.getKey()).orElseThrow();
      checkImmutable(sub, AttributeMaps.get(existing, sub.name()), entry.getValue());
      AttributeMaps.put(existing, sub.name(), entry.getValue());
    }
  }

  /**
   * Non-standard tolerance CREATE_ON_UNMATCHED_FILTER (Entra ID): a filter of {@code eq} tests on
   * sub-attributes, joined by {@code and}, describes a value that can be created when none matches.
   */
  private static Optional<Map<String, Object>> synthesize(
      Filter filter, AttributeDefinition attribute) {
    Map<String, Object> element = new LinkedHashMap<>();
    return collectEquals(filter, attribute, element) ? Optional.of(element) : Optional.empty();
  }

  private static boolean collectEquals(
      Filter filter, AttributeDefinition attribute, Map<String, Object> element) {
    if (filter instanceof Filter.And and) {
      return collectEquals(and.left(), attribute, element)
          && collectEquals(and.right(), attribute, element);
    }
    if (!(filter instanceof Filter.Comparison comparison)
        || comparison.operator() != ComparisonOperator.EQ
        || comparison.value() == null
        || !comparison.path().hasSubAttribute()) {
      return false;
    }
    Optional<AttributeDefinition> sub = attribute.subAttribute(comparison.path().subAttribute());
    if (sub.isEmpty()
        || sub.get().multiValued()
        || sub.get().mutability() == Mutability.READ_ONLY) {
      return false;
    }
    Object previous = element.putIfAbsent(sub.get().name(), comparison.value());
    return previous == null || previous.equals(comparison.value());
  }

  private void remove(ResolvedPath target, Filter filter, Object raw) {
    AttributeDefinition attribute = target.attribute();
    AttributeDefinition sub = target.subAttribute();
    if ((filter == null && sub == null && attribute.required())
        || (sub != null && sub.required())) {
      throw ScimException.mutability("'" + target.path() + "' is required");
    }
    String urn = target.path().schemaUrn();
    Map<String, Object> container = container(urn, false);
    // The values listed for removal are checked even when there is nothing to remove them from,
    // so a malformed request fails whatever the resource holds.
    List<Object> listed =
        filter == null && sub == null && raw != null && attribute.multiValued()
            ? coerceList(attribute, raw)
            : null;
    if (listed != null) {
      requireRemoveListed(attribute);
    }
    Object current = container == null ? null : AttributeMaps.get(container, attribute.name());
    if (current == null) {
      return;
    }
    if (filter != null) {
      List<Object> list = AttributeMaps.asList(current);
      List<Map<String, Object>> matched = matching(list, filter);
      if (sub == null) {
        list.removeIf(item -> matched.stream().anyMatch(m -> m == item));
      } else {
        matched.forEach(element -> removeSub(element, sub));
      }
    } else if (sub != null) {
      for (Object item : elements(current)) {
        Map<String, Object> element = AttributeMaps.asMap(item);
        if (element != null) {
          removeSub(element, sub);
        }
      }
    } else if (listed != null) {
      removeListed(AttributeMaps.asList(current), attribute, listed);
    } else {
      checkImmutable(attribute, current, null);
      AttributeMaps.remove(container, attribute.name());
    }
    tidy(urn, attribute.name());
  }

  private static void removeSub(Map<String, Object> element, AttributeDefinition sub) {
    checkImmutable(sub, AttributeMaps.get(element, sub.name()), null);
    AttributeMaps.remove(element, sub.name());
  }

  /**
   * Non-standard tolerance REMOVE_LISTED_VALUES (Entra ID, OneLogin, JumpCloud): {@code remove} of
   * {@code members} with a value array removes just those members, matched on {@code value}, never
   * the whole attribute. Without it the request is refused: RFC 7644 §3.5.2.2 gives remove no
   * value, and its literal reading (every value removed) would empty a group an IdP meant to trim.
   */
  private void requireRemoveListed(AttributeDefinition attribute) {
    if (!tolerances.allows(Tolerance.REMOVE_LISTED_VALUES)) {
      throw ScimException.invalidValue(
          "remove takes no value; select the values to remove with a filter, e.g. "
              + attribute.name()
              + "[value eq \"…\"]");
    }
  }

  private void removeListed(List<Object> list, AttributeDefinition attribute, List<Object> listed) {
    if (list == null) {
      return;
    }
    Optional<AttributeDefinition> valueSub =
        attribute.isComplex() ? attribute.subAttribute("value") : Optional.empty();
    list.removeIf(
        item ->
            listed.stream()
                .anyMatch(
                    given -> {
                      Map<String, Object> map = AttributeMaps.asMap(given);
                      if (valueSub.isPresent() && map != null && map.containsKey("value")) {
                        Map<String, Object> existing = AttributeMaps.asMap(item);
                        return existing != null
                            && sameValue(
                                valueSub.get(),
                                AttributeMaps.get(existing, "value"),
                                map.get("value"));
                      }
                      return contains(item, given, attribute);
                    }));
  }

  private List<Map<String, Object>> matching(List<Object> list, Filter filter) {
    List<Map<String, Object>> matched = new ArrayList<>();
    if (list != null) {
      for (Object item : list) {
        Map<String, Object> element = AttributeMaps.asMap(item);
        if (element != null && FilterEvaluator.matchesElement(filter, element, type)) {
          matched.add(element);
        }
      }
    }
    return matched;
  }

  private static List<Map<String, Object>> primaries(List<Object> values) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object value : values) {
      Map<String, Object> element = AttributeMaps.asMap(value);
      if (element != null && Boolean.TRUE.equals(AttributeMaps.get(element, "primary"))) {
        out.add(element);
      }
    }
    return out;
  }

  /**
   * RFC 7644 §3.5.2: setting {@code primary} to true on one value "SHALL cause the server to
   * automatically set primary to false for any other values"; RFC 7643 §2.4 allows one primary.
   */
  private static void enforceSinglePrimary(
      AttributeDefinition attribute, List<Object> list, List<Map<String, Object>> madePrimary) {
    if (madePrimary.isEmpty()) {
      return;
    }
    if (madePrimary.size() > 1) {
      throw ScimException.invalidValue(
          "more than one value of '" + attribute.name() + "' would be primary");
    }
    Map<String, Object> chosen = madePrimary.get(0);
    for (Object item : list) {
      Map<String, Object> element = AttributeMaps.asMap(item);
      if (element != null
          && element != chosen
          && Boolean.TRUE.equals(AttributeMaps.get(element, "primary"))) {
        AttributeMaps.put(element, "primary", Boolean.FALSE);
      }
    }
  }

  private static boolean containsValue(
      List<Object> list, Object value, AttributeDefinition definition) {
    for (Object existing : list) {
      if (contains(existing, value, definition)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code existing} already holds everything {@code given} says. */
  private static boolean contains(Object existing, Object given, AttributeDefinition definition) {
    if (!definition.isComplex()) {
      return sameValue(definition, existing, given);
    }
    Map<String, Object> have = AttributeMaps.asMap(existing);
    Map<String, Object> want = AttributeMaps.asMap(given);
    if (have == null || want == null || want.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, Object> entry : want.entrySet()) {
      Optional<AttributeDefinition> sub = definition.subAttribute(entry.getKey());
      if (sub.isEmpty()
          || !sameValue(sub.get(), AttributeMaps.get(have, entry.getKey()), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(AttributeDefinition definition, Object a, Object b) {
    if (a instanceof String x && b instanceof String y && !definition.caseExact()) {
      return CaseFolding.equal(x, y);
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return x.equals(y);
    }
    return Objects.equals(a, b);
  }

  /** RFC 7643 §2.2 immutable: may be set once, "SHALL NOT be updated". */
  private static void checkImmutable(AttributeDefinition definition, Object old, Object value) {
    if (definition.mutability() == Mutability.IMMUTABLE
        && old != null
        && !Objects.equals(old, value)) {
      throw ScimException.mutability(
          "'" + definition.name() + "' is immutable and already has a value");
    }
  }

  private static boolean isReadOnly(ResolvedPath target) {
    return target.attribute().mutability() == Mutability.READ_ONLY
        || (target.subAttribute() != null
            && target.subAttribute().mutability() == Mutability.READ_ONLY);
  }

  private List<Object> coerceList(AttributeDefinition definition, Object raw) {
    List<Object> out = new ArrayList<>();
    if (raw instanceof Collection<?> list) {
      for (Object item : list) {
        if (item != null) {
          out.add(coerceWhole(definition, item));
        }
      }
    } else {
      out.add(coerceWhole(definition, raw));
    }
    return out;
  }

  /**
   * A whole value of a multi-valued attribute, as added, replaced or listed for removal: it must
   * carry the required sub-attributes (a member without {@code value} names nobody). Checked here,
   * at the operation, so the error names the operation that is wrong rather than a later one or
   * none (RFC 7644 §3.5.2: operations are applied in sequence and the first failure fails the
   * request).
   */
  private Object coerceWhole(AttributeDefinition definition, Object raw) {
    Object value = coerceOne(definition, raw);
    if (value instanceof Map<?, ?> element) {
      for (AttributeDefinition sub : definition.subAttributes()) {
        if (sub.required()
            && sub.mutability() != Mutability.READ_ONLY
            && !element.containsKey(sub.name())) {
          throw ScimException.invalidValue(
              "attribute '" + definition.name() + "." + sub.name() + "' is required");
        }
      }
    }
    return value;
  }

  private Object coerceOne(AttributeDefinition definition, Object raw) {
    return definition.isComplex() ? coerceComplex(definition, raw) : coerceSimple(definition, raw);
  }

  private Map<String, Object> coerceComplex(AttributeDefinition definition, Object raw) {
    Object value = raw;
    boolean plain = tolerances.allows(Tolerance.PLAIN_VALUE_FOR_COMPLEX);
    if (plain && value instanceof String text && definition.subAttribute("value").isPresent()) {
      // Non-standard tolerance PLAIN_VALUE_FOR_COMPLEX (Entra ID): "manager": "id" for
      // {"value": "id"}.
      value = Map.of("value", text);
    }
    if (plain && !definition.multiValued() && value instanceof List<?> list && list.size() == 1) {
      // Non-standard tolerance PLAIN_VALUE_FOR_COMPLEX (Entra ID): "manager": [{"$ref": …,
      // "value": "id"}], a one-element array for a single-valued complex attribute.
      value = list.get(0);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue("'" + definition.name() + "' expects an object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object member = entry.getValue();
      if (member == null) {
        continue;
      }
      Optional<AttributeDefinition> found = definition.subAttribute(key);
      if (found.isEmpty()) {
        // Entra ID's reference collection sends members[].displayName and expects it ignored.
        if (tolerances.dropsUnknownAttributes()) {
          dropped.add(definition.name() + "." + key);
          continue;
        }
        throw ScimException.invalidValue(
                "unknown attribute '" + definition.name() + "." + key + "'")
            .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
      }
      AttributeDefinition sub = found.get();
      if (sub.mutability() == Mutability.READ_ONLY) {
        continue;
      }
      out.put(sub.name(), sub.multiValued() ? coerceList(sub, member) : coerceSimple(sub, member));
    }
    return out;
  }

  private Object coerceSimple(AttributeDefinition definition, Object raw) {
    return AttributeValues.simple(definition, raw, definition.name(), tolerances);
  }

  private static Map<String, Object> requireObject(Op op, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue(op.keyword() + " without path needs an object value");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static List<Object> elements(Object value) {
    List<Object> list = AttributeMaps.asList(value);
    return list != null ? list : List.of(value);
  }

  private Map<String, Object> container(String urn, boolean create) {
    if (urn == null) {
      return resource;
    }
    Map<String, Object> extension = AttributeMaps.asMap(AttributeMaps.get(resource, urn));
    if (extension == null && create) {
      extension = new LinkedHashMap<>();
      AttributeMaps.put(resource, urn, extension);
    }
    return extension;
  }

  /** Drops what became empty: the attribute, then its extension object. */
  private void tidy(String urn, String attribute) {
    Map<String, Object> container = container(urn, false);
    if (container == null) {
      return;
    }
    Object value = AttributeMaps.get(container, attribute);
    if ((value instanceof Map || value instanceof List) && AttributeMaps.prune(value)) {
      AttributeMaps.remove(container, attribute);
    }
    if (urn != null && container.isEmpty()) {
      AttributeMaps.remove(resource, urn);
    }
  }

  private void syncSchemas() {
    List<Object> schemas =
        AttributeMaps.asList(AttributeMaps.get(resource, CommonAttributes.SCHEMAS.name()));
    if (schemas == null) {
      return;
    }
    for (SchemaExtension extension : type.extensions()) {
      String id = extension.schema().id();
      Map<String, Object> data = AttributeMaps.asMap(AttributeMaps.get(resource, id));
      boolean present = data != null && !data.isEmpty();
      boolean listed =
          schemas.stream().anyMatch(s -> s instanceof String text && text.equalsIgnoreCase(id));
      if (present && !listed) {
        schemas.add(id);
      } else if (!present && listed) {
        schemas.removeIf(s -> s instanceof String text && text.equalsIgnoreCase(id));
      }
    }
  }
}
