package io.rollcall.it;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The checked-in OpenAPI document ({@code docs/openapi.yaml}) as a test oracle: compared with the
 * one a running server generates, and used to validate real answers against the schema of their
 * operation and status.
 */
final class OpenApiContract {

  static final Path CHECKED_IN = Path.of("docs", "openapi.yaml");

  /** Where a test writes the served document; copying it to docs/ accepts it. */
  static final Path SERVED =
      Path.of(System.getProperty("rollcall.war", "target/rollcall.war"))
          .toAbsolutePath()
          .resolveSibling("openapi.yaml");

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
          .build();

  /** The document's own order at the top, and operations in the order the specification lists. */
  private static final List<String> TOP =
      List.of("openapi", "info", "servers", "security", "tags", "paths", "components");

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DOCUMENT_IRI = "https://rollcall.invalid/openapi.json";

  private final JsonNode document;
  private final SchemaRegistry registry;

  private OpenApiContract(JsonNode document) {
    this.document = document;
    String strict = JSON.writeValueAsString(closed(document.deepCopy()));
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(DOCUMENT_IRI, strict)));
  }

  static OpenApiContract checkedIn() {
    try {
      return new OpenApiContract(YAML.readTree(Files.readString(CHECKED_IN)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    return YAML.readTree(yaml);
  }

  JsonNode document() {
    return document;
  }

  /**
   * The differences between two documents as JSON pointers, at most {@code limit}: members are
   * compared by name whatever their order, arrays element by element.
   */
  static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
    List<String> found = new ArrayList<>();
    compare("", expected, actual, found, limit);
    return found;
  }

  private static void compare(
      String at, JsonNode expected, JsonNode actual, List<String> found, int limit) {
    if (found.size() >= limit || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>(expected.propertyNames());
      names.addAll(actual.propertyNames());
      for (String name : names) {
        String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name)) {
          found.add(child + " (only in the served document)");
        } else if (!actual.has(name)) {
          found.add(child + " (only in " + CHECKED_IN + ")");
        } else {
          compare(child, expected.get(name), actual.get(name), found, limit);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        compare(at + "/" + i, expected.get(i), actual.get(i), found, limit);
      }
    } else {
      found.add(at + " (" + shorten(expected) + " → " + shorten(actual) + ")");
    }
  }

  private static String shorten(JsonNode node) {
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  /**
   * What is wrong with {@code body} as the answer of {@code method path} with {@code status},
   * according to the document: empty when it conforms. A member the document does not declare
   * counts as wrong, so the document cannot fall behind what the server sends.
   */
  List<String> violations(String method, String pathTemplate, int status, String body) {
    JsonNode response =
        document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
    if (response.isMissingNode()) {
      return List.of(method + " " + pathTemplate + " is not in the document");
    }
    JsonNode answer = response.path("responses").path(Integer.toString(status));
    if (answer.has("$ref")) {
      answer = document.at(answer.get("$ref").asString().substring(1));
    }
    JsonNode schema = answer.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return List.of(method + " " + pathTemplate + " documents no JSON answer for " + status);
    }
    List<Error> errors =
        registry.getSchema(absolute(closed(schema.deepCopy()))).validate(JSON.readTree(body));
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  /** The schema's references, which are relative to the document, made absolute. */
  private static JsonNode absolute(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asString().startsWith("#")) {
        object.put("$ref", DOCUMENT_IRI + ref.asString());
      }
      object.values().forEach(OpenApiContract::absolute);
    } else if (node.isArray()) {
      node.values().forEach(OpenApiContract::absolute);
    }
    return node;
  }

  /** Every object schema that lists its properties admits no others. */
  private static JsonNode closed(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      for (JsonNode child : object.values()) {
        closed(child);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node.values()) {
        closed(child);
      }
    }
    return node;
  }

  /**
   * The document as it is checked in: Payara lists a path's operations in no fixed order, so the
   * file is written in one (the top as the specification has it, operations in its order,
   * everything else by name) and a regenerated file differs only where the API changed.
   */
  static String canonical(JsonNode document) {
    return YAML.writeValueAsString(ordered(document, TOP));
  }

  private static JsonNode ordered(JsonNode node, List<String> first) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(new TreeSet<>(object.propertyNames()));
      names.sort(
          java.util.Comparator.comparingInt(
              (String n) -> first.contains(n) ? first.indexOf(n) : first.size()));
      ObjectNode copy = JSON.createObjectNode();
      for (String name : names) {
        copy.set(name, ordered(object.get(name), METHODS));
      }
      return copy;
    }
    if (node.isArray()) {
      tools.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
      node.values().forEach(element -> copy.add(ordered(element, METHODS)));
      return copy;
    }
    return node;
  }

  static void writeServed(String yaml) {
    try {
      Files.createDirectories(SERVED.toAbsolutePath().getParent());
      Files.writeString(SERVED, canonical(parse(yaml)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
