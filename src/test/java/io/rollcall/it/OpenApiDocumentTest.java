package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The checked-in OpenAPI document on its own, without a server: what it covers, and that each of
 * its references resolves. {@code AdminPlaneSecurityIT} checks that it is what the code generates.
 */
class OpenApiDocumentTest {

  private final JsonNode document = OpenApiContract.checkedIn().document();

  @Test
  void describesTheAdminAndAccessApisAndNotScim() {
    assertEquals("3.0.3", document.path("openapi").asString());
    List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
    assertTrue(paths.contains("/api/admin/tenants"), paths.toString());
    assertTrue(paths.contains("/api/app/v1/tenants/{tenantId}/events"), paths.toString());
    assertTrue(
        paths.stream().allMatch(p -> p.startsWith("/api/admin/") || p.startsWith("/api/app/")),
        paths.toString());
    String description = document.path("info").path("description").asString();
    for (String rfc : List.of("rfc7643", "rfc7644", "rfc9865")) {
      assertTrue(description.contains("https://www.rfc-editor.org/rfc/" + rfc), rfc);
    }
  }

  @Test
  void theFileIsInTheOrderRegenerationWritesIt() throws Exception {
    String text = java.nio.file.Files.readString(OpenApiContract.CHECKED_IN);
    assertEquals(OpenApiContract.canonical(OpenApiContract.parse(text)), text);
  }

  @Test
  void everyReferenceResolves() {
    Matcher ref = Pattern.compile("\"\\$ref\":\"#(/[^\"]+)\"").matcher(document.toString());
    List<String> dangling = new ArrayList<>();
    int seen = 0;
    while (ref.find()) {
      seen++;
      if (document.at(ref.group(1)).isMissingNode()) {
        dangling.add(ref.group(1));
      }
    }
    assertTrue(seen > 50, "references found: " + seen);
    assertTrue(dangling.isEmpty(), dangling.toString());
  }

  @Test
  void everyOperationHasAnIdASummaryASuccessAndADocumentedError() {
    List<String> incomplete = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          JsonNode o = operation.getValue();
                          JsonNode responses = o.path("responses");
                          boolean success =
                              responses.propertyNames().stream().anyMatch(c -> c.startsWith("2"));
                          if (o.path("operationId").isMissingNode()
                              || o.path("summary").isMissingNode()
                              || !success
                              || !responses.has("401")) {
                            incomplete.add(operation.getKey() + " " + path.getKey());
                          }
                        }));
    assertTrue(incomplete.isEmpty(), incomplete.toString());
  }

  @Test
  void anErrorBodyIsCheckedAgainstItsSchema() {
    OpenApiContract contract = OpenApiContract.checkedIn();
    assertEquals(
        List.of(),
        contract.violations(
            "GET", "/api/admin/tenants/{id}", 404, "{\"status\":404,\"message\":\"No tenant\"}"));
    assertFalse(
        contract
            .violations("GET", "/api/admin/tenants/{id}", 404, "{\"status\":\"404\",\"extra\":1}")
            .isEmpty());
    assertFalse(
        contract
            .violations("GET", "/api/admin/tenants", 200, "[{\"id\":\"t\",\"undocumented\":1}]")
            .isEmpty(),
        "a member the document does not declare is a violation");
  }
}
