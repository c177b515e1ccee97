package io.rollcall.querying;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

/** A client's sortBy is read with its identity provider's tolerances, as its filter is. */
class SortToleranceTest {

  private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();

  /** RFC 7644 §3.10: an extension attribute is named with its schema URN. */
  @Test
  void anExtensionAttributeWithoutItsUrnSortsOnlyWhereTolerated() {
    assertEquals(
        "manager", Sort.resolve("manager", false, USER, Tolerances.ANY_IDP).path().attribute());
    ScimException e =
        assertThrows(
            ScimException.class, () -> Sort.resolve("manager", false, USER, Tolerances.STRICT));
    assertEquals("invalidValue", e.scimType());
  }
}
