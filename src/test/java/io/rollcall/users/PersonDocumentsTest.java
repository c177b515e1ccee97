package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.accounts.AccountRow;
import io.rollcall.accounts.HrRecord;
import io.rollcall.permissions.RuleSet;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person in an access-only tenant as rules see them: the HR record wins for HR attributes, the
 * SCIM identity for the rest, the hierarchy adds leadership — and the guide's rules work from HR
 * data alone.
 */
class PersonDocumentsTest {

  private static final ResourceTypeDefinition TYPE =
      SchemaRegistry.forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, false, true).user();
  private static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;
  private static final String HR = StandardSchemas.HR_USER;

  /** The first customer guide's rules, with leadership as a rule on the hierarchy. */
  private static final RuleSet GUIDE =
      RuleSet.compile(
          TYPE,
          List.of(
              new String[] {ENTERPRISE + ":department eq \"Finance\"", "Finance"},
              new String[] {"title co \"Manager\"", "Team Lead"},
              new String[] {HR + ":isManager eq true and " + HR + ":level le 1", "Admin"}));

  /** What the guide's Okta mapping sends: no title, no department. */
  private static Map<String, Object> oktaUser(String email) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("schemas", List.of(StandardSchemas.USER));
    user.put("userName", email);
    user.put("name", Map.of("givenName", "Ann", "familyName", "Example"));
    user.put("emails", List.of(Map.of("value", email, "primary", true, "type", "work")));
    user.put("active", true);
    return user;
  }

  private static HrRecord hr(String title, String department, int reports, Integer level) {
    return new HrRecord(
        new AccountRow("ann@acme.com", "Ann HR", title, department, "ceo@acme.com", "E-7"),
        reports,
        level,
        false);
  }

  @Test
  void theHrRecordWinsForHrAttributesAndScimForTheRest() {
    Map<String, Object> scim = oktaUser("ann@acme.com");
    scim.put("title", "IdP title");
    scim.put("displayName", "Ann (IdP)");
    scim.put(ENTERPRISE, Map.of("department", "IdP dept", "costCenter", "CC-1"));

    Map<String, Object> person =
        PersonDocuments.merge(TYPE, scim, hr("Controller", "Finance", 0, 2));

    assertEquals("Controller", person.get("title"));
    assertEquals("Ann (IdP)", person.get("displayName"), "SCIM wins outside HR attributes");
    Map<?, ?> enterprise = (Map<?, ?>) person.get(ENTERPRISE);
    assertEquals("Finance", enterprise.get("department"));
    assertEquals("E-7", enterprise.get("employeeNumber"));
    assertEquals("CC-1", enterprise.get("costCenter"));
    Map<?, ?> derived = (Map<?, ?>) person.get(HR);
    assertEquals("ceo@acme.com", derived.get("managerEmail"));
    assertEquals(2, derived.get("level"));
    assertEquals(false, derived.get("isManager"));
    assertEquals("IdP title", scim.get("title"), "the SCIM document itself is left alone");
  }

  @Test
  void emptyHrFieldsLeaveWhatTheIdpSent() {
    Map<String, Object> scim = oktaUser("ann@acme.com");
    scim.put("title", "IdP title");
    Map<String, Object> person =
        PersonDocuments.merge(
            TYPE,
            scim,
            new HrRecord(
                new AccountRow("ann@acme.com", null, null, null, null, null), 0, 0, false));

    assertEquals("IdP title", person.get("title"));
    assertFalse(person.containsKey(ENTERPRISE));
  }

  @Test
  void withoutAnHrRecordThePersonIsTheScimIdentity() {
    Map<String, Object> scim = oktaUser("ann@acme.com");
    assertSame(scim, PersonDocuments.merge(TYPE, scim, null));
  }

  @Test
  void theGuidesRulesWorkFromHrDataAlone() {
    Map<String, Object> okta = oktaUser("ann@acme.com");

    assertEquals(
        List.of("Finance"),
        GUIDE.groupsFor(PersonDocuments.merge(TYPE, okta, hr("Controller", "Finance", 0, 2))));
    assertEquals(
        List.of("Team Lead"),
        GUIDE.groupsFor(PersonDocuments.merge(TYPE, okta, hr("Sales Manager", "Sales", 0, 3))));
    assertEquals(
        List.of("Admin", "Finance", "Team Lead"),
        GUIDE.groupsFor(PersonDocuments.merge(TYPE, okta, hr("Finance Manager", "Finance", 4, 1))));
    assertEquals(List.of(), GUIDE.groupsFor(okta), "the IdP alone sends nothing rules can use");
  }

  @Test
  void aPersonWithNoLevelIsNeverLeadership() {
    assertEquals(
        List.of(),
        GUIDE.groupsFor(
            PersonDocuments.merge(TYPE, oktaUser("ann@acme.com"), hr("CTO", "Eng", 3, null))));
  }

  @Test
  void scimCannotWriteTheHrAttributes() {
    Map<String, Object> input = oktaUser("ann@acme.com");
    input.put(HR, Map.of("level", 0, "isManager", true));
    Map<String, Object> stored = new ResourceNormalizer(TYPE).normalize(input);
    assertFalse(stored.containsKey(HR), "RFC 7644 §3.5.1: readOnly values sent are ignored");

    ScimException refused =
        assertThrows(
            ScimException.class,
            () ->
                PatchEngine.apply(stored, List.of(PatchOperation.replace(HR + ":level", 0)), TYPE));
    assertEquals("mutability", refused.scimType());
  }

  @Test
  void onlyAccessOnlyTenantsHaveTheHrExtension() {
    assertFalse(SchemaRegistry.standard().user().extension(HR).isPresent());
  }
}
