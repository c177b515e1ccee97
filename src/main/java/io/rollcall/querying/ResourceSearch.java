package io.rollcall.querying;

import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists and searches one resource type of a tenant (RFC 7644 §3.4.2, RFC 9865): filter, sort,
 * {@code startIndex} or cursor paging, the same for every type through its {@link ResourceMapping}.
 * One translator builds the predicate of the count and of the page, so they always agree; the page
 * query selects ids only and {@link PageRows} loads just the page's rows. The count runs only when
 * the page cannot tell the total (see {@link #tellsTheTotal}).
 */
public final class ResourceSearch<E> {

  private final EntityManager em;
  private final ResourceMapping<E> mapping;

  public ResourceSearch(EntityManager em, ResourceMapping<E> mapping) {
    this.em = em;
    this.mapping = mapping;
  }

  /**
   * One page of the list a request asks for.
   *
   * @param startIndex of the page, 1-based; 0 for cursor pages
   * @param nextCursor the cursor of the next page, or null
   */
  public record Listed<E>(long total, int startIndex, List<E> rows, String nextCursor) {}

  public Listed<E> list(
      String tenantId, ResourceTypeDefinition type, ListRequest request, Instant now) {
    return list(tenantId, type, request, now, Tolerances.ANY_IDP);
  }

  /**
   * @param tolerances those of the tenant's identity provider, for the filter it sent
   */
  public Listed<E> list(
      String tenantId,
      ResourceTypeDefinition type,
      ListRequest request,
      Instant now,
      Tolerances tolerances) {
    Filter filter =
        request.filter() == null ? null : FilterParser.parse(request.filter(), type, tolerances);
    Sort sort =
        request.sortBy() == null
            ? null
            : Sort.resolve(request.sortBy(), request.descending(), type, tolerances);
    if (!request.usesCursor()) {
      CursorPaging.Counted<E> page =
          page(tenantId, type, filter, sort, request.startIndex() - 1, request.count(), null);
      return new Listed<>(page.total(), request.startIndex(), page.rows(), null);
    }
    CursorPaging.Page<E> page =
        CursorPaging.page(
            request,
            sort != null,
            now,
            (offset, limit, afterId, countTotal) ->
                page(tenantId, type, filter, sort, offset, limit, afterId, countTotal),
            mapping::idOf);
    return new Listed<>(page.total(), 0, page.rows(), page.nextCursor());
  }

  /**
   * Fetches {@code count} of the tenant's resources matching the filter from {@code offset}, in the
   * sort's order (id order without one), with the number of all matches (see {@link
   * #tellsTheTotal}).
   *
   * @param filter resolved against the type, or null for all
   * @param sort or null
   * @param afterId keyset position for cursor pages in id order, or null
   */
  public CursorPaging.Counted<E> page(
      String tenantId,
      ResourceTypeDefinition type,
      Filter filter,
      Sort sort,
      int offset,
      int count,
      String afterId) {
    return page(tenantId, type, filter, sort, offset, count, afterId, true);
  }

  /** As above; without {@code countTotal} nothing is counted and the total is -1. */
  private CursorPaging.Counted<E> page(
      String tenantId,
      ResourceTypeDefinition type,
      Filter filter,
      Sort sort,
      int offset,
      int count,
      String afterId,
      boolean countTotal) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    if (count == 0) {
      return new CursorPaging.Counted<>(
          countTotal ? count(cb, tenantId, type, filter) : -1, List.of());
    }

    Map<ParameterExpression<?>, Object> pageParameters = Comparisons.newParameters();
    CriteriaQuery<String> pageQuery = cb.createQuery(String.class);
    Root<E> root = pageQuery.from(mapping.entity());
    QueryScope paging = scope(cb, pageQuery, root, type, tenantId, pageParameters);
    Predicate where = where(paging, filter, afterId);
    // Only without sortBy: a DISTINCT query may order only by what it selects (PostgreSQL).
    Optional<Predicate> anchor =
        filter == null || sort != null ? Optional.empty() : mapping.anchorJoin(paging, filter);
    pageQuery
        .select(paging.id())
        .distinct(anchor.isPresent())
        .where(anchor.map(a -> cb.and(where, a)).orElse(where))
        .orderBy(
            PageRows.order(
                cb,
                root,
                sort == null ? null : new FilterTranslator(paging, mapping).sortValue(sort),
                sort != null && mayBeMissing(sort),
                sort != null && sort.descending(),
                filter == null));
    TypedQuery<String> pageStatement = em.createQuery(pageQuery);
    Comparisons.bind(pageStatement, pageParameters);
    pageStatement.setFirstResult(offset).setMaxResults(count);
    List<String> ids = pageStatement.getResultList();
    long total = -1;
    if (countTotal) {
      total =
          tellsTheTotal(ids, offset, count, afterId)
              ? offset + ids.size()
              : count(cb, tenantId, type, filter);
    }
    return new CursorPaging.Counted<>(
        total, PageRows.byIds(em, mapping.entity(), tenantId, ids, mapping::idOf));
  }

  /**
   * Whether a page's ids tell the number of matches without a count. A page that holds fewer ids
   * than asked for is the end of the list, so the matches are the skipped ones plus the page: the
   * {@code userName eq} lookup an identity provider sends before every write then costs one query
   * less. A keyset page ({@code afterId}) does not know how many lay before it, and an empty page
   * past the first may lie past the end, so both must be counted.
   */
  private static boolean tellsTheTotal(List<String> ids, int offset, int count, String afterId) {
    return afterId == null && ids.size() < count && (offset == 0 || !ids.isEmpty());
  }

  private boolean mayBeMissing(Sort sort) {
    return mapping.column(sort.path()).map(column -> !column.alwaysSet()).orElse(true);
  }

  private long count(
      CriteriaBuilder cb, String tenantId, ResourceTypeDefinition type, Filter filter) {
    Map<ParameterExpression<?>, Object> parameters = Comparisons.newParameters();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<E> root = query.from(mapping.entity());
    QueryScope counting = scope(cb, query, root, type, tenantId, parameters);
    Predicate where = where(counting, filter, null);
    Optional<Predicate> anchor =
        filter == null ? Optional.empty() : mapping.anchorJoin(counting, filter);
    query
        .select(anchor.isPresent() ? cb.countDistinct(root) : cb.count(root))
        .where(anchor.map(a -> cb.and(where, a)).orElse(where));
    TypedQuery<Long> statement = em.createQuery(query);
    Comparisons.bind(statement, parameters);
    return statement.getSingleResult();
  }

  private static QueryScope scope(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Root<?> root,
      ResourceTypeDefinition type,
      String tenantId,
      Map<ParameterExpression<?>, Object> parameters) {
    ParameterExpression<String> tenant = cb.parameter(String.class, "tenant");
    parameters.put(tenant, tenantId);
    return new QueryScope(cb, query, root, tenant, new Comparisons(cb, parameters), type);
  }

  private Predicate where(QueryScope scope, Filter filter, String afterId) {
    CriteriaBuilder cb = scope.cb();
    List<Predicate> all = new ArrayList<>();
    all.add(cb.equal(scope.root().get("tenantId"), scope.tenant()));
    if (filter != null) {
      all.add(new FilterTranslator(scope, mapping).translate(filter));
    }
    if (afterId != null) {
      all.add(cb.greaterThan(scope.id(), scope.comparisons().param(afterId)));
    }
    return cb.and(all.toArray(Predicate[]::new));
  }
}
