package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.json.ScimJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an "updated" event says changed. */
class AttributeChangesTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void namesChangedCoreAttributesAndExtensionAttributesByFullPath() {
    Map<String, Object> before =
        ScimJson.parseStored(
            "{\"schemas\":[\"a\"],\"userName\":\"x\",\"title\":\"T\",\"name\":{\"givenName\":\"A\"},\""
                + ENTERPRISE
                + "\":{\"department\":\"D\",\"division\":\"V\"}}");
    Map<String, Object> after =
        ScimJson.parseStored(
            "{\"schemas\":[\"b\"],\"userName\":\"x\",\"name\":{\"givenName\":\"B\"},\"locale\":\"de\",\""
                + ENTERPRISE
                + "\":{\"department\":\"E\",\"division\":\"V\"}}");
    assertEquals(
        List.of("locale", "name", "title", ENTERPRISE + ":department"),
        List.copyOf(AttributeChanges.between(before, after)));
  }

  @Test
  void identicalRepresentationsChangeNothing() {
    Map<String, Object> user = ScimJson.parseStored("{\"userName\":\"x\",\"active\":true}");
    assertEquals(List.of(), List.copyOf(AttributeChanges.between(user, user)));
  }
}
