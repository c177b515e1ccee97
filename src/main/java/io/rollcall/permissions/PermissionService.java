package io.rollcall.permissions;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A tenant's ordered permission rules ({@code SCIM filter → permission group}): stored, validated
 * with the SCIM filter engine, and compiled once per tenant for evaluation on every change.
 */
@Stateless
public class PermissionService {

  static final int MAX_RULES = 200;

  /**
   * Compiled rules per tenant, tagged with the tenant row's version. Replacing the rules raises
   * that version in the same transaction, and every request reads the tenant row afresh, so a node
   * that compiled the old rules notices the change on its next request: nothing needs evicting on
   * the other nodes of a cluster.
   */
  private static final ConcurrentMap<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  private record Compiled(long tenantVersion, RuleSet rules) {}

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;
  @Inject Event<RulesChanged> rulesChanged;

  /** A rule as an admin writes it. */
  public record RuleInput(String filter, String group) {}

  public List<PermissionRule> list(String tenantId) {
    tenants.get(tenantId);
    return em.createQuery(
            "SELECT r FROM PermissionRule r WHERE r.tenantId = :tenant ORDER BY r.position",
            PermissionRule.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  /** Replaces the tenant's rules; everyone's groups are then evaluated again in the background. */
  public List<PermissionRule> replace(String tenantId, List<RuleInput> inputs) {
    Tenant tenant = tenants.get(tenantId);
    if (inputs.size() > MAX_RULES) {
      throw new InvalidInputException("at most " + MAX_RULES + " rules");
    }
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      RuleInput input = inputs.get(i);
      if (input == null || input.filter() == null || input.filter().isBlank()) {
        throw new InvalidInputException("rule " + (i + 1) + ": filter is required");
      }
      if (input.group() == null
          || input.group().isBlank()
          || input.group().strip().length() > 200) {
        throw new InvalidInputException("rule " + (i + 1) + ": group must be 1 to 200 characters");
      }
      pairs.add(new String[] {input.filter(), input.group().strip()});
    }
    try {
      RuleSet.compile(tenant.schemaRegistry().user(), pairs);
    } catch (ScimException e) {
      throw new InvalidInputException("invalid filter: " + e.detail());
    }
    em.createQuery("DELETE FROM PermissionRule r WHERE r.tenantId = :tenant")
        .setParameter("tenant", tenantId)
        .executeUpdate();
    List<PermissionRule> stored = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      PermissionRule rule = new PermissionRule(tenantId, i, pairs.get(i)[0], pairs.get(i)[1]);
      em.persist(rule);
      stored.add(rule);
    }
    em.lock(tenant, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    rulesChanged.fire(new RulesChanged(tenantId));
    return stored;
  }

  /** The tenant's compiled rules for the User type it uses now. */
  public RuleSet ruleSet(Tenant tenant) {
    Compiled compiled = COMPILED.get(tenant.id());
    if (compiled != null && compiled.tenantVersion() == tenant.version()) {
      return compiled.rules();
    }
    RuleSet rules = compile(tenant);
    COMPILED.put(tenant.id(), new Compiled(tenant.version(), rules));
    return rules;
  }

  private RuleSet compile(Tenant tenant) {
    ResourceTypeDefinition type = tenant.schemaRegistry().user();
    List<String[]> pairs =
        list(tenant.id()).stream().map(r -> new String[] {r.filter(), r.groupName()}).toList();
    try {
      return RuleSet.compile(type, pairs);
    } catch (ScimException e) {
      // A rule that no longer fits the tenant's schema (its custom URN changed) matches no one.
      return RuleSet.empty(type);
    }
  }
}
