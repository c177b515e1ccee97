package io.rollcall.protocol.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7644 §3.5.2: the PatchOp message envelope. */
class PatchRequestsTest {

  @Test
  void readsOperationsInOrder() {
    List<PatchOperation> ops =
        PatchRequests.parse(
            Map.of(
                "schemas", List.of(PatchRequests.PATCH_OP),
                "Operations",
                    List.of(
                        Map.of("op", "add", "path", "title", "value", "x"),
                        Map.of("op", "Replace", "value", Map.of("active", false)))));
    assertEquals(2, ops.size());
    assertEquals("title", ops.get(0).path());
    assertEquals("Replace", ops.get(1).op());
  }

  @Test
  void envelopeErrorsAreInvalidSyntax() {
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("schemas", List.of("urn:wrong"), "Operations", List.of(Map.of("op", "add"))),
            Map.of("Operations", List.of()),
            Map.of("Operations", "add"),
            Map.of("Operations", List.of("add")),
            Map.of("Operations", List.of(Map.of("path", "title"))))) {
      assertEquals(
          "invalidSyntax",
          assertThrows(ScimException.class, () -> PatchRequests.parse(body)).scimType());
    }
  }

  @Test
  void nonStringPathIsInvalidPath() {
    assertEquals(
        "invalidPath",
        assertThrows(
                ScimException.class,
                () ->
                    PatchRequests.parse(
                        Map.of("Operations", List.of(Map.of("op", "add", "path", 5)))))
            .scimType());
  }
}
