package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values no database can store as sent are a 400 on every database, never a 500 on PostgreSQL
 * (which refuses U+0000 in text) or a silent '?' (an unpaired surrogate has no UTF-8 form). RFC
 * 7644 §3.12: {@code invalidValue} for a resource, {@code invalidFilter} for a filter.
 */
class StorableTextTest {

  private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b@x.com", "\u0000", "a\ud800b", "\udc00x", "end\ud83d"})
  void unstorableTextIsInvalidValueInAResourceAndInvalidFilterInAFilter(String value) {
    ScimException inUserName =
        assertThrows(
            ScimException.class,
            () -> new ResourceNormalizer(USER).normalize(Map.of("userName", value)));
    assertEquals("invalidValue", inUserName.scimType());
    assertEquals(400, inUserName.status());

    ScimException inSubAttribute =
        assertThrows(
            ScimException.class,
            () ->
                new ResourceNormalizer(USER)
                    .normalize(
                        Map.of(
                            "userName",
                            "ok@x.com",
                            "emails",
                            List.of(Map.of("value", value, "type", "work")))));
    assertEquals("invalidValue", inSubAttribute.scimType());

    String escaped =
        value.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
    ScimException inFilter =
        assertThrows(
            ScimException.class, () -> FilterParser.parse("userName eq \"" + escaped + "\"", USER));
    assertEquals("invalidFilter", inFilter.scimType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"björn@x.com", "emoji-\ud83d\ude00@x.com", "ｆｕｌｌ@x.com"})
  void everyOtherUnicodeTextIsStorable(String value) {
    assertEquals(
        value, new ResourceNormalizer(USER).normalize(Map.of("userName", value)).get("userName"));
  }
}
