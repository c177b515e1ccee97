package io.rollcall.querying;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a page of any resource type is read: its order, and then its rows. A page query selects only
 * ids, in order, so the database sorts and skips index entries rather than whole rows with their
 * documents (a deep {@code startIndex} page of a large tenant once made H2 sort every user's
 * document in memory); {@link #byIds} then loads just the rows of the page. Memory per request is
 * the page, whatever the tenant's size.
 */
public final class PageRows {

  private PageRows() {}

  /**
   * The tenant's rows with these ids, in the order of {@code ids}; ids since removed are left out.
   */
  public static <E> List<E> byIds(
      EntityManager em,
      Class<E> entity,
      String tenantId,
      List<String> ids,
      Function<E, String> idOf) {
    if (ids.isEmpty()) {
      return List.of();
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<E> query = cb.createQuery(entity);
    Root<E> root = query.from(entity);
    query.select(root).where(cb.equal(root.get("tenantId"), tenantId), root.get("id").in(ids));
    Map<String, E> found = new HashMap<>();
    for (E row : em.createQuery(query).getResultList()) {
      found.put(idOf.apply(row), row);
    }
    List<E> ordered = new ArrayList<>(ids.size());
    for (String id : ids) {
      E row = found.get(id);
      if (row != null) {
        ordered.add(row);
      }
    }
    return ordered;
  }

  /**
   * The order of a page (RFC 7644 §3.4.2.3): by the sort value if there is one, resources without a
   * value last when ascending and first when descending; ties, and lists without {@code sortBy}, by
   * id so pages are stable.
   *
   * @param sortValue the expression to sort by, or null for id order
   * @param mayBeMissing whether some rows have no sort value; without any, the order is the sort
   *     value's alone and an index on it can serve it
   * @param wholeTenant whether the query has no filter (only the tenant condition)
   */
  public static List<Order> order(
      CriteriaBuilder cb,
      Root<?> root,
      Expression<?> sortValue,
      boolean mayBeMissing,
      boolean descending,
      boolean wholeTenant) {
    List<Order> orders = new ArrayList<>();
    if (sortValue != null) {
      if (mayBeMissing) {
        Expression<Integer> missing =
            cb.<Integer>selectCase().when(cb.isNull(sortValue), 1).otherwise(0);
        orders.add(descending ? cb.desc(missing) : cb.asc(missing));
      }
      orders.add(descending ? cb.desc(sortValue) : cb.asc(sortValue));
    } else if (wholeTenant) {
      // The tenant is fixed by the WHERE clause, so this changes nothing in the order; it lets the
      // database read the (tenant_id, id) index in order and stop after the page instead of
      // sorting every id of the tenant (H2 sorts unless the ORDER BY matches an index's columns).
      // Not with a filter: H2 would then prefer this index to the filter's and scan the tenant.
      orders.add(cb.asc(root.get("tenantId")));
    }
    orders.add(cb.asc(root.get("id")));
    return orders;
  }
}
