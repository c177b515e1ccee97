package io.rollcall.users;

import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.DateTimes;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.StandardSchemas;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens a canonical SCIM resource into {@link IndexedValue} rows, and names the index keys that
 * the filter translator looks up. Pure: no JPA, so it is unit-tested directly.
 *
 * <p>Keys are lower-cased (attribute names are case-insensitive, RFC 7643 §2.1). Extension
 * attributes are keyed by a stable alias instead of their URN, so a tenant can change the URN of
 * its custom extension without re-indexing: {@code enterprise:department}, {@code
 * custom:customfield1}.
 */
final class AttributeIndex {

  /**
   * Characters of a string value the database indexes (see V11__values_by_prefix.sql): 200
   * characters stay within PostgreSQL's btree entry limit whatever the script. Filters narrow by
   * the prefix and decide on the whole value, which is kept too.
   */
  static final int PREFIX_LENGTH = 200;

  static final String ENTERPRISE_ALIAS = "enterprise";
  static final String CUSTOM_ALIAS = "custom";
  static final String HR_ALIAS = "hr";

  private AttributeIndex() {}

  /** The alias under which an extension schema's attributes are stored, or null for the core. */
  static String alias(ResourceTypeDefinition type, String schemaUrn) {
    if (schemaUrn == null || schemaUrn.equalsIgnoreCase(type.schema().id())) {
      return null;
    }
    if (schemaUrn.equalsIgnoreCase(StandardSchemas.ENTERPRISE_USER)) {
      return ENTERPRISE_ALIAS;
    }
    // Computed, never stored: its keys are never written, so a SCIM search on them finds no one.
    return schemaUrn.equalsIgnoreCase(StandardSchemas.HR_USER) ? HR_ALIAS : CUSTOM_ALIAS;
  }

  static String key(ResourceTypeDefinition type, String schemaUrn, String attribute, String sub) {
    String alias = alias(type, schemaUrn);
    String dotted = sub == null ? attribute : attribute + "." + sub;
    String key = alias == null ? dotted : alias + ":" + dotted;
    return key.toLowerCase(Locale.ROOT);
  }

  /** Every value of the resource worth filtering on: all but id, meta and write-only ones. */
  static List<IndexedValue> values(ResourceTypeDefinition type, Map<String, Object> resource) {
    List<IndexedValue> rows = new ArrayList<>();
    for (SchemaDefinition schema : type.schemas()) {
      boolean core = schema == type.schema();
      Object container = core ? resource : resource.get(schema.id());
      if (!(container instanceof Map<?, ?> attributes)) {
        continue;
      }
      String urn = core ? null : schema.id();
      for (AttributeDefinition attribute : schema.attributes()) {
        if (!isIndexed(attribute)) {
          continue;
        }
        Object value = attributes.get(attribute.name());
        if (value != null) {
          addAttribute(rows, type, urn, attribute, value);
        }
      }
    }
    return rows;
  }

  /** Whether filters may use this attribute: write-only and never-returned ones are not exposed. */
  static boolean isIndexed(AttributeDefinition attribute) {
    return attribute.returned() != io.rollcall.protocol.schema.Returned.NEVER
        && attribute.mutability() != io.rollcall.protocol.schema.Mutability.WRITE_ONLY;
  }

  private static void addAttribute(
      List<IndexedValue> rows,
      ResourceTypeDefinition type,
      String urn,
      AttributeDefinition attribute,
      Object value) {
    if (!attribute.multiValued()) {
      addElement(rows, type, urn, attribute, value, 0, true);
      return;
    }
    if (!(value instanceof List<?> elements)) {
      return;
    }
    int sortElement = primaryIndex(elements);
    for (int i = 0; i < elements.size(); i++) {
      addElement(rows, type, urn, attribute, elements.get(i), i, i == sortElement);
    }
  }

  /** RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary value, else its first. */
  private static int primaryIndex(List<?> elements) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) instanceof Map<?, ?> element
          && Boolean.TRUE.equals(element.get("primary"))) {
        return i;
      }
    }
    return 0;
  }

  private static void addElement(
      List<IndexedValue> rows,
      ResourceTypeDefinition type,
      String urn,
      AttributeDefinition attribute,
      Object value,
      int element,
      boolean sortKey) {
    if (!attribute.isComplex()) {
      IndexedValue row =
          typed(key(type, urn, attribute.name(), null), element, sortKey, attribute, value);
      if (row != null) {
        rows.add(row);
      }
      return;
    }
    if (!(value instanceof Map<?, ?> complex)) {
      return;
    }
    for (AttributeDefinition sub : attribute.subAttributes()) {
      Object subValue = complex.get(sub.name());
      if (subValue == null || !isIndexed(sub)) {
        continue;
      }
      IndexedValue row =
          typed(key(type, urn, attribute.name(), sub.name()), element, sortKey, sub, subValue);
      if (row != null) {
        rows.add(row);
      }
    }
  }

  private static IndexedValue typed(
      String key, int element, boolean sortKey, AttributeDefinition attribute, Object value) {
    return switch (attribute.type()) {
      case BOOLEAN ->
          value instanceof Boolean b
              ? new IndexedValue(key, element, sortKey, null, null, null, b, null)
              : null;
      case INTEGER, DECIMAL ->
          value instanceof Number n
              ? new IndexedValue(key, element, sortKey, null, null, null, null, indexedNumber(n))
              : null;
      case DATE_TIME ->
          value instanceof String s
              ? DateTimes.parse(s)
                  .map(t -> new IndexedValue(key, element, sortKey, null, null, t, null, null))
                  .orElse(null)
              : null;
      case COMPLEX -> null;
      default ->
          value instanceof String s
              ? new IndexedValue(key, element, sortKey, s, CaseFolding.fold(s), null, null, null)
              : null;
    };
  }

  /** The column holds 9 digits after the point; finer fractions are rounded for filtering. */
  private static BigDecimal indexedNumber(Number n) {
    BigDecimal number = new BigDecimal(n.toString());
    return number.scale() > 9 ? number.setScale(9, RoundingMode.HALF_EVEN) : number;
  }

  static String prefix(String text) {
    return text == null || text.length() <= PREFIX_LENGTH ? text : text.substring(0, PREFIX_LENGTH);
  }
}
