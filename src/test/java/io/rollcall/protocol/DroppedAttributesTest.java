package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Dropped attribute names are kept as names only: no value, no control character, bounded. */
class DroppedAttributesTest {

  @Test
  void filtersAndIndexesAreLeftOutEvenWithABracketInAQuotedValue() {
    assertEquals("members.displayName", DroppedAttributes.plain("members[3].displayName"));
    assertEquals("emails.value", DroppedAttributes.plain("emails[value eq \"x]secret\"].value"));
    assertEquals(
        "emails.value", DroppedAttributes.plain("emails[value eq \"a\\\"]secret\"].value"));
  }

  @Test
  void charactersOutsideAttributePathsBecomeQuestionMarks() {
    assertEquals("na?me?", DroppedAttributes.plain("na\u0000me,"));
    assertEquals("x??", DroppedAttributes.plain("x\n\uD800"));
  }

  @Test
  void aLongExtensionNameKeepsItsStartAndItsEnd() {
    String name =
        DroppedAttributes.plain(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenterNumberOfTheUnit");
    assertEquals(DroppedAttributes.MAX_NAME_LENGTH, name.length());
    assertTrue(
        name.startsWith("urn:ietf:params:scim...")
            && name.endsWith(":User:costCenterNumberOfTheUnit"),
        name);
  }

  @Test
  void aHugeKeyOfBracketsCostsOnePass() {
    String key = "[".repeat(1_000_000) + "x";
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> DroppedAttributes.plain(key));
  }

  @Test
  void atMostFiveDistinctNames() {
    DroppedAttributes dropped = new DroppedAttributes();
    for (int i = 0; i < 8; i++) {
      dropped.add("a" + i);
      dropped.add("a" + i);
    }
    assertEquals(DroppedAttributes.MAX_NAMES, dropped.names().size());
    assertTrue(dropped.truncated());
    assertEquals("a0,a1,a2,a3,a4,…", dropped.toString());
  }
}
