package io.rollcall.protocol.patch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map-and-list form of a resource, read and written the way SCIM names attributes: keys match
 * case-insensitively (RFC 7643 §2.1), copies are deep.
 */
final class AttributeMaps {

  private AttributeMaps() {}

  static Map<String, Object> copyMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
    }
    return copy;
  }

  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      return copyMap(map);
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(copy(item));
      }
      return copy;
    }
    return value;
  }

  /** The value under a key, found case-insensitively since attribute names are (RFC 7643 §2.1). */
  static Object get(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value != null) {
      return value;
    }
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Stores under the given spelling, dropping any other spelling of the same key. */
  static void put(Map<String, Object> map, String key, Object value) {
    remove(map, key);
    map.put(key, value);
  }

  static void remove(Map<String, Object> map, String key) {
    map.keySet().removeIf(k -> k.equalsIgnoreCase(key));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  /**
   * Removes empty lists and objects below {@code value} and says whether {@code value} itself is
   * now empty. RFC 7643 §2.5 makes an empty list or object the same as unassigned, so PATCH leaves
   * none behind.
   */
  static boolean prune(Object value) {
    if (value instanceof Map<?, ?> map) {
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Object child = entries.next().getValue();
        if (child == null || ((child instanceof Map || child instanceof List) && prune(child))) {
          entries.remove();
        }
      }
      return map.isEmpty();
    }
    if (value instanceof List<?> list) {
      list.removeIf(
          item -> item == null || ((item instanceof Map || item instanceof List) && prune(item)));
      return list.isEmpty();
    }
    return false;
  }
}
