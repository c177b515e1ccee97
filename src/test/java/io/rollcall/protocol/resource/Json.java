package io.rollcall.protocol.resource;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;

/** Parses JSON text the way the REST layer does, into maps, lists and BigDecimals. */
final class Json {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) JSONB.fromJson(text, Object.class);
  }

  static Object value(String text) {
    return JSONB.fromJson(text, Object.class);
  }
}
