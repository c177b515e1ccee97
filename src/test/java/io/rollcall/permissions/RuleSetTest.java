package io.rollcall.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first guide's permission rules, evaluated in memory with the SCIM filter engine. */
class RuleSetTest {

  private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final RuleSet GUIDE =
      RuleSet.compile(
          USER,
          List.of(
              new String[] {ENTERPRISE + ":department eq \"Finance\"", "Finance"},
              new String[] {"title co \"Manager\"", "Team Lead"},
              new String[] {"title sw \"VP\" or title sw \"Chief\"", "Admin"},
              new String[] {
                "title co \"manager\" and " + ENTERPRISE + ":department eq \"finance\"", "Finance"
              }));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> user(String json) {
    return (Map<String, Object>) JsonbBuilder.create().fromJson(json, Object.class);
  }

  @Test
  void departmentFinanceGivesTheFinanceGroup() {
    assertEquals(
        List.of("Finance"),
        GUIDE.groupsFor(
            user("{\"userName\":\"a\",\"" + ENTERPRISE + "\":{\"department\":\"finance\"}}")));
  }

  @Test
  void titleContainingManagerGivesTeamLeadCaseInsensitively() {
    assertEquals(
        List.of("Team Lead"),
        GUIDE.groupsFor(user("{\"userName\":\"a\",\"title\":\"Product manager\"}")));
  }

  @Test
  void severalRulesUnionTheirGroupsSortedWithoutDuplicates() {
    assertEquals(
        List.of("Finance", "Team Lead"),
        GUIDE.groupsFor(
            user(
                "{\"userName\":\"a\",\"title\":\"Finance Manager\",\""
                    + ENTERPRISE
                    + "\":{\"department\":\"Finance\"}}")));
    assertEquals(
        List.of("Admin"),
        GUIDE.groupsFor(user("{\"userName\":\"a\",\"title\":\"Chief of Staff\"}")));
  }

  @Test
  void someoneMatchingNoRuleHasNoGroups() {
    assertEquals(List.of(), GUIDE.groupsFor(user("{\"userName\":\"a\",\"title\":\"Engineer\"}")));
    assertEquals(List.of(), RuleSet.empty(USER).groupsFor(user("{\"userName\":\"a\"}")));
  }

  @Test
  void anInvalidFilterIsRejectedWhenCompiling() {
    assertThrows(
        ScimException.class,
        () -> RuleSet.compile(USER, List.<String[]>of(new String[] {"department eq", "X"})));
  }
}
