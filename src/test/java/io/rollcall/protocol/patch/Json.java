package io.rollcall.protocol.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the map-and-list values a JSON parser would hand the PATCH engine. */
final class Json {

  private Json() {}

  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static List<Object> arr(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }
}
