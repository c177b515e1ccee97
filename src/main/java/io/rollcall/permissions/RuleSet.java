package io.rollcall.permissions;

import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterEvaluator;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tenant's permission rules, compiled: evaluates one person's canonical SCIM data in memory with
 * the same filter engine as the SCIM API. Pure, so it is unit-tested directly.
 */
public final class RuleSet {

  /** One compiled rule. */
  public record Rule(String filterText, Filter filter, String group) {}

  private final ResourceTypeDefinition type;
  private final List<Rule> rules;

  private RuleSet(ResourceTypeDefinition type, List<Rule> rules) {
    this.type = type;
    this.rules = List.copyOf(rules);
  }

  /** Compiles rules given as (filter, group) pairs; a bad filter is a 400 {@code invalidFilter}. */
  public static RuleSet compile(ResourceTypeDefinition type, List<String[]> filterAndGroup) {
    List<Rule> rules = new ArrayList<>();
    for (String[] pair : filterAndGroup) {
      rules.add(new Rule(pair[0], FilterParser.parse(pair[0], type), pair[1]));
    }
    return new RuleSet(type, rules);
  }

  public static RuleSet empty(ResourceTypeDefinition type) {
    return new RuleSet(type, List.of());
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The groups a person's data earns, sorted, without duplicates. */
  public List<String> groupsFor(Map<String, Object> canonicalUser) {
    TreeSet<String> groups = new TreeSet<>();
    for (Rule rule : rules) {
      if (FilterEvaluator.matches(rule.filter(), canonicalUser, type)) {
        groups.add(rule.group());
      }
    }
    return List.copyOf(groups);
  }
}
