package io.rollcall.querying;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The second step of a page read. A page query selects only ids, in order, so the database sorts
 * and skips index entries rather than whole rows with their documents (a deep {@code startIndex}
 * page of a large tenant once made H2 sort every user's document in memory); this loads just the
 * rows of the page. Memory per request is the page, whatever the tenant's size.
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
}
