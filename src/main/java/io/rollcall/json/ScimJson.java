package io.rollcall.json;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads SCIM request bodies: checks the media type, enforces the advertised size limit, and parses
 * JSON into the plain {@code Map}/{@code List} tree the protocol core works on.
 *
 * <p>Both {@code application/scim+json} and {@code application/json} are accepted, with or without
 * parameters. A body with no {@code Content-Type} at all is read as JSON: some IdP test tools send
 * none (deliberate tolerance of the transport, in every IdP profile).
 */
public final class ScimJson {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private ScimJson() {}

  public static Map<String, Object> readObject(InputStream body, MediaType contentType) {
    checkMediaType(contentType);
    String text = readLimited(body);
    if (text.isBlank()) {
      throw ScimException.invalidSyntax("The request body is empty.");
    }
    Object parsed = parse(text);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ScimException.invalidSyntax("The request body must be a JSON object.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /**
   * Parses one JSON value into {@code Map}/{@code List}/{@link String}/{@link BigDecimal}/{@link
   * Boolean}/{@code null}, more strictly than JSON-B would: a key repeated in one object is refused
   * rather than silently resolved to its last value (RFC 8259 §4 leaves the meaning to the
   * receiver, and a body that says two things about one attribute is a client bug or an attempt to
   * slip a value past a proxy's check), and so are nesting beyond {@link ScimLimits#MAX_JSON_DEPTH}
   * and number literals longer than {@link ScimLimits#MAX_NUMBER_LENGTH} characters.
   *
   * @throws ScimException 400 {@code invalidSyntax} for malformed or over-deep JSON and repeated
   *     keys, {@code invalidValue} for a number out of range
   */
  static Object parse(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw ScimException.invalidSyntax("The request body is empty.");
      }
      Object value = value(parser, parser.next(), 1);
      if (parser.hasNext()) {
        throw ScimException.invalidSyntax("The request body holds more than one JSON value.");
      }
      return value;
    } catch (JsonException | NoSuchElementException | IllegalStateException e) {
      throw ScimException.invalidSyntax("The request body is not valid JSON.");
    }
  }

  private static Object value(JsonParser parser, JsonParser.Event event, int depth) {
    switch (event) {
      case START_OBJECT:
        checkDepth(depth);
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonParser.Event next = parser.next();
            next != JsonParser.Event.END_OBJECT;
            next = parser.next()) {
          String key = parser.getString();
          if (object.containsKey(key)) {
            throw ScimException.invalidSyntax(
                "The request body repeats the key \"" + clip(key) + "\" in one object.");
          }
          object.put(key, value(parser, parser.next(), depth + 1));
        }
        return object;
      case START_ARRAY:
        checkDepth(depth);
        List<Object> array = new ArrayList<>();
        for (JsonParser.Event next = parser.next();
            next != JsonParser.Event.END_ARRAY;
            next = parser.next()) {
          array.add(value(parser, next, depth + 1));
        }
        return array;
      case VALUE_STRING:
        return parser.getString();
      case VALUE_NUMBER:
        return number(parser.getString());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw ScimException.invalidSyntax("The request body is not valid JSON.");
    }
  }

  private static void checkDepth(int depth) {
    if (depth > ScimLimits.MAX_JSON_DEPTH) {
      throw ScimException.invalidSyntax(
          "The request body nests objects and arrays deeper than "
              + ScimLimits.MAX_JSON_DEPTH
              + " levels.");
    }
  }

  private static BigDecimal number(String literal) {
    if (literal.length() > ScimLimits.MAX_NUMBER_LENGTH) {
      throw ScimException.invalidValue(
          "A number in the request body is longer than "
              + ScimLimits.MAX_NUMBER_LENGTH
              + " characters: "
              + clip(literal));
    }
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      // Legal JSON such as 1e9999999999, whose exponent does not fit in 32 bits.
      throw ScimException.invalidValue(
          "A number in the request body is out of range: " + clip(literal));
    }
  }

  private static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  static void checkMediaType(MediaType contentType) {
    if (contentType == null) {
      return;
    }
    boolean json =
        "application".equalsIgnoreCase(contentType.getType())
            && ("json".equalsIgnoreCase(contentType.getSubtype())
                || "scim+json".equalsIgnoreCase(contentType.getSubtype()));
    if (!json) {
      throw new ScimException(
          415, null, "Send the body as application/scim+json or application/json.");
    }
  }

  private static String readLimited(InputStream body) {
    if (body == null) {
      return "";
    }
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int total = 0;
      for (int n; (n = body.read(chunk)) != -1; ) {
        total += n;
        if (total > ScimLimits.MAX_PAYLOAD_BYTES) {
          drain(body, total);
          throw ScimException.payloadTooLarge(
              "The request body exceeds " + ScimLimits.MAX_PAYLOAD_BYTES + " bytes.");
        }
        buffer.write(chunk, 0, n);
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buffer.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ScimException.invalidSyntax("The request body is not valid UTF-8.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and discards the rest of an oversized body (up to a bound), so that a client still
   * sending it receives the 413 instead of a stalled connection. The SCIM request-size filter
   * refuses bodies announced larger than the bound before anything is read.
   */
  private static void drain(InputStream body, long alreadyRead) throws IOException {
    byte[] sink = new byte[8192];
    long total = alreadyRead;
    for (int n; total < ScimLimits.DRAIN_LIMIT && (n = body.read(sink)) != -1; ) {
      total += n;
    }
  }

  public static String write(Object value) {
    return JSONB.toJson(value);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseStored(String json) {
    return (Map<String, Object>) JSONB.fromJson(json, Object.class);
  }
}
