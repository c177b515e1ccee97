package io.rollcall.users;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.Comparisons;
import io.rollcall.querying.PageRows;
import io.rollcall.scim.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes users and their value index. Every query here takes the tenant id as its first
 * argument and puts it in the WHERE clause; nothing reads users by id alone.
 */
@ApplicationScoped
public class UserRepository {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  Optional<ScimUser> find(String tenantId, String id) {
    return em.createQuery(
            "SELECT u FROM ScimUser u WHERE u.tenantId = :tenant AND u.id = :id", ScimUser.class)
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** Reads the user and locks its row until the transaction ends, so writes never interleave. */
  Optional<ScimUser> findForUpdate(String tenantId, String id) {
    return em.createQuery(
            "SELECT u FROM ScimUser u WHERE u.tenantId = :tenant AND u.id = :id", ScimUser.class)
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  boolean userNameTaken(String tenantId, String userName, String exceptId) {
    return !em.createQuery(
            "SELECT u.id FROM ScimUser u WHERE u.tenantId = :tenant AND u.userNameKey = :key"
                + " AND u.id <> :except",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", ScimUser.foldUserName(userName))
        .setParameter("except", exceptId == null ? "" : exceptId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  void insert(ScimUser user) {
    em.persist(user);
  }

  /** Replaces the user's index rows with those of its new representation. */
  void reindex(ScimUser user, List<IndexedValue> values) {
    em.createQuery("DELETE FROM UserValue v WHERE v.userId = :user")
        .setParameter("user", user.id())
        .executeUpdate();
    for (IndexedValue value : values) {
      em.persist(new UserValue(user.id(), user.tenantId(), value));
    }
  }

  void delete(ScimUser user) {
    em.createQuery("DELETE FROM UserValue v WHERE v.userId = :user")
        .setParameter("user", user.id())
        .executeUpdate();
    em.remove(user);
  }

  /**
   * The next users after {@code afterId} in id order, locked for update. Ids first, then the rows
   * by id: the H2 dialect cannot combine {@code FOR UPDATE} with a row limit.
   */
  List<ScimUser> batchForUpdate(String tenantId, String afterId, int limit) {
    List<String> ids =
        em.createQuery(
                "SELECT u.id FROM ScimUser u WHERE u.tenantId = :tenant AND u.id > :after ORDER BY u.id",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("after", afterId)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT u FROM ScimUser u WHERE u.tenantId = :tenant AND u.id IN :ids ORDER BY u.id",
            ScimUser.class)
        .setParameter("tenant", tenantId)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  void recordDeprovisioned(DeprovisionedUser record) {
    em.persist(record);
  }

  /** Ids of the tenant's users deactivated before the cutoff, oldest first (not locked). */
  List<String> deactivatedBefore(String tenantId, java.time.Instant cutoff, int limit) {
    return em.createQuery(
            "SELECT u.id FROM ScimUser u WHERE u.tenantId = :tenant AND u.deactivatedAt < :cutoff"
                + " ORDER BY u.deactivatedAt",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }

  void flush() {
    em.flush();
  }

  /** The sort of a query: a resolved attribute and its direction. */
  record Sort(AttributePath path, AttributeDefinition attribute, boolean descending) {}

  /** One page: the total that match, and the users of the page in order. */
  record Page(long total, List<ScimUser> users) {}

  /**
   * Counts and fetches one page of the tenant's users matching the filter. The filter is compiled
   * by one translator for both statements, so count and page always agree.
   *
   * @param afterId keyset position for cursor pages in id order, or null
   */
  Page search(
      String tenantId,
      ResourceTypeDefinition type,
      Filter filter,
      Sort sort,
      int offset,
      int count,
      String afterId) {
    CriteriaBuilder cb = em.getCriteriaBuilder();

    Map<ParameterExpression<?>, Object> countParameters = Comparisons.newParameters();
    CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
    Root<ScimUser> countRoot = countQuery.from(ScimUser.class);
    countQuery
        .select(cb.count(countRoot))
        .where(where(cb, countQuery, countRoot, type, tenantId, filter, null, countParameters));
    TypedQuery<Long> counting = em.createQuery(countQuery);
    Comparisons.bind(counting, countParameters);
    long total = counting.getSingleResult();
    if (count == 0 || total == 0) {
      return new Page(total, List.of());
    }

    Map<ParameterExpression<?>, Object> pageParameters = Comparisons.newParameters();
    CriteriaQuery<String> pageQuery = cb.createQuery(String.class);
    Root<ScimUser> root = pageQuery.from(ScimUser.class);
    pageQuery
        .select(root.<String>get("id"))
        .where(where(cb, pageQuery, root, type, tenantId, filter, afterId, pageParameters))
        .orderBy(
            PageRows.order(
                cb,
                root,
                sort == null ? null : sortValue(cb, root, type, sort),
                sort != null && sort.descending(),
                filter == null));
    TypedQuery<String> page = em.createQuery(pageQuery);
    Comparisons.bind(page, pageParameters);
    page.setFirstResult(offset).setMaxResults(count);
    return new Page(
        total, PageRows.byIds(em, ScimUser.class, tenantId, page.getResultList(), ScimUser::id));
  }

  private static Predicate where(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Root<ScimUser> root,
      ResourceTypeDefinition type,
      String tenantId,
      Filter filter,
      String afterId,
      Map<ParameterExpression<?>, Object> parameters) {
    ParameterExpression<String> tenant = cb.parameter(String.class, "tenant");
    parameters.put(tenant, tenantId);
    List<Predicate> all = new ArrayList<>();
    all.add(cb.equal(root.get("tenantId"), tenant));
    if (filter != null) {
      all.add(
          new UserFilterTranslator(cb, query, root, type, tenant, parameters).translate(filter));
    }
    if (afterId != null) {
      ParameterExpression<String> after = cb.parameter(String.class, "after");
      parameters.put(after, afterId);
      all.add(cb.greaterThan(root.get("id"), after));
    }
    return cb.and(all.toArray(Predicate[]::new));
  }

  private static Expression<?> sortValue(
      CriteriaBuilder cb, Root<ScimUser> root, ResourceTypeDefinition type, Sort sort) {
    AttributePath path = sort.path();
    if (path.schemaUrn() == null) {
      switch (path.dotted()) {
        case "id":
          return root.get("id");
        case "userName":
          return root.get("userNameKey");
        case "externalId":
          return root.get("externalId");
        case "meta.created":
          return root.get("createdAt");
        case "meta.lastModified":
          return root.get("lastModified");
        default:
          break;
      }
    }
    Join<ScimUser, UserValue> value = root.join("values", JoinType.LEFT);
    // The key comes from the schema (the path was resolved against it), never from the client.
    String key = AttributeIndex.key(type, path.schemaUrn(), path.attribute(), path.subAttribute());
    value.on(
        cb.equal(value.get("attr"), cb.literal(key)),
        cb.equal(value.get("sortKey"), cb.literal((short) 1)));
    return switch (sort.attribute().type()) {
      case BOOLEAN -> value.get("boolValue");
      case INTEGER, DECIMAL -> value.get("numberValue");
      case DATE_TIME -> value.get("timeValue");
      case COMPLEX -> throw ScimException.invalidValue("sortBy must name a simple attribute");
      default -> sort.attribute().caseExact() ? value.get("textValue") : value.get("foldedValue");
    };
  }

  static String documentJson(Map<String, Object> document) {
    return ScimJson.write(document);
  }
}
