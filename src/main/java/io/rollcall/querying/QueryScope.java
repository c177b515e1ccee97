package io.rollcall.querying;

import io.rollcall.protocol.schema.ResourceTypeDefinition;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

/**
 * What a condition on one resource type is built from: the query and its resource root, the bound
 * tenant (every subquery repeats it), the bind values collected so far and the resolved type.
 */
public record QueryScope(
    CriteriaBuilder cb,
    AbstractQuery<?> query,
    Root<?> root,
    Expression<String> tenant,
    Comparisons comparisons,
    ResourceTypeDefinition type) {

  /** The resources whose id is among the ids the subquery selects. */
  public Expression<String> id() {
    return root.get("id");
  }
}
