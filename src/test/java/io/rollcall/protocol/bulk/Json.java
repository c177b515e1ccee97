package io.rollcall.protocol.bulk;

import io.rollcall.json.ScimJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Parses test bodies with the server's own reader, so values are what a request would carry. */
final class Json {

  private Json() {}

  static Map<String, Object> parse(String text) {
    return ScimJson.readObject(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
  }
}
