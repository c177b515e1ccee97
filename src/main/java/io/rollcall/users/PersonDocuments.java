package io.rollcall.users;

import io.rollcall.accounts.AccountRow;
import io.rollcall.accounts.HrRecord;
import io.rollcall.permissions.RuleSet;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.StandardSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person as permission rules see them in an access-only tenant: the SCIM identity combined with
 * the HR record from the account directory. Pure, so it is unit-tested directly.
 *
 * <p>Precedence: the HR record wins for the HR attributes, whenever it has a value —
 *
 * <ul>
 *   <li>{@code title} → core {@code title}
 *   <li>{@code department} → enterprise {@code department}
 *   <li>{@code employeeNumber} → enterprise {@code employeeNumber}
 *   <li>{@code managerEmail} → {@code urn:rollcall:…:hr:2.0:User:managerEmail} (the enterprise
 *       {@code manager.value} is the id of a SCIM resource, not an email, so it is left as sent)
 * </ul>
 *
 * <p>and the SCIM identity wins for everything else; {@code displayName} comes from the HR record
 * only when the IdP sent none. The hierarchy adds {@code directReports}, {@code isManager} and
 * {@code level} to the HR extension. A departed person earns no groups.
 */
final class PersonDocuments {

  private PersonDocuments() {}

  /** The person's data for filters: {@code scim} (as {@link UserDocuments#forFilters}) plus HR. */
  static Map<String, Object> merge(
      ResourceTypeDefinition type, Map<String, Object> scim, HrRecord hr) {
    if (hr == null) {
      return scim;
    }
    Map<String, Object> person = new LinkedHashMap<>(scim);
    List<String> schemas = new ArrayList<>();
    if (person.get("schemas") instanceof List<?> listed) {
      listed.forEach(s -> schemas.add(String.valueOf(s)));
    }
    AccountRow row = hr.row();
    if (row.title() != null) {
      person.put("title", row.title());
    }
    if (row.displayName() != null && person.get("displayName") == null) {
      person.put("displayName", row.displayName());
    }
    if (row.department() != null || row.employeeNumber() != null) {
      Map<String, Object> enterprise = new LinkedHashMap<>();
      if (person.get(StandardSchemas.ENTERPRISE_USER) instanceof Map<?, ?> sent) {
        sent.forEach((k, v) -> enterprise.put(String.valueOf(k), v));
      }
      if (row.department() != null) {
        enterprise.put("department", row.department());
      }
      if (row.employeeNumber() != null) {
        enterprise.put("employeeNumber", row.employeeNumber());
      }
      person.put(StandardSchemas.ENTERPRISE_USER, enterprise);
      addSchema(schemas, StandardSchemas.ENTERPRISE_USER);
    }
    if (type.extension(StandardSchemas.HR_USER).isPresent()) {
      Map<String, Object> derived = new LinkedHashMap<>();
      if (row.managerEmail() != null) {
        derived.put("managerEmail", row.managerEmail());
      }
      derived.put("directReports", hr.directReports());
      derived.put("isManager", hr.directReports() > 0);
      if (hr.level() != null) {
        derived.put("level", hr.level());
      }
      person.put(StandardSchemas.HR_USER, derived);
      addSchema(schemas, StandardSchemas.HR_USER);
    }
    person.put("schemas", schemas);
    return person;
  }

  /** The groups the person earns: none once they have departed. */
  static List<String> groups(
      RuleSet rules, ResourceTypeDefinition type, UserRow user, HrRecord hr) {
    if (hr != null && hr.departed()) {
      return List.of();
    }
    return rules.groupsFor(merge(type, UserDocuments.forFilters(type, user), hr));
  }

  private static void addSchema(List<String> schemas, String urn) {
    if (schemas.stream().noneMatch(urn::equalsIgnoreCase)) {
      schemas.add(urn);
    }
  }
}
