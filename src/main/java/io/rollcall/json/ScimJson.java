package io.rollcall.json;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads SCIM request bodies: checks the media type, enforces the advertised size limit, and parses
 * JSON into the plain {@code Map}/{@code List} tree the protocol core works on.
 *
 * <p>Both {@code application/scim+json} and {@code application/json} are accepted, with or without
 * parameters. A body with no {@code Content-Type} at all is read as JSON: some IdP test tools send
 * none (deliberate tolerance).
 */
public final class ScimJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ScimJson() {}

  public static Map<String, Object> readObject(InputStream body, MediaType contentType) {
    checkMediaType(contentType);
    String text = readLimited(body);
    if (text.isBlank()) {
      throw ScimException.invalidSyntax("The request body is empty.");
    }
    Object parsed;
    try {
      parsed = JSONB.fromJson(text, Object.class);
    } catch (JsonbException | IllegalArgumentException | IllegalStateException e) {
      throw ScimException.invalidSyntax("The request body is not valid JSON.");
    } catch (StackOverflowError e) {
      throw ScimException.invalidSyntax("The request body is nested too deeply.");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ScimException.invalidSyntax("The request body must be a JSON object.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
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
