package io.rollcall.querying;

import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.SchemaExtension;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.Optional;

/**
 * Where one resource type keeps what a filter or {@code sortBy} can name: the whitelist of its
 * table's columns, and the rows of other tables that hold the rest (the users' value index, the
 * groups' membership rows). {@link FilterTranslator} and {@link ResourceSearch} do everything else
 * the same way for every resource type.
 *
 * <p>Identifiers come only from here and from the schema; values only as bind parameters.
 *
 * @param <E> the JPA entity of the resource's own row; it has {@code id} and {@code tenantId}
 */
public interface ResourceMapping<E> {

  Class<E> entity();

  String idOf(E row);

  /** The column of the resource's row holding this attribute, or empty when it lives elsewhere. */
  Optional<Column> column(AttributePath path);

  /**
   * Resources having a value of an attribute kept outside the row; a 400 {@code invalidFilter} for
   * an attribute that cannot be filtered.
   */
  Predicate present(QueryScope scope, AttributePath path);

  /**
   * Resources having a value of an attribute kept outside the row that satisfies {@code op value}
   * ({@code ne} included: some value differs); never called with a null value, which the translator
   * derives from {@link #present}.
   */
  Predicate compare(QueryScope scope, AttributePath path, ComparisonOperator op, Object value);

  /** {@code attribute[filter]}: resources with one element satisfying the whole inner filter. */
  Predicate valuePath(QueryScope scope, Filter.ValuePath valuePath);

  /**
   * A join to the one row outside the resource's table that every match of {@code filter} must
   * have, with the condition on it, or empty when the filter has no such selective condition. The
   * filter's own predicate stays as it is; the join only gives the database a place to start (the
   * query becomes DISTINCT). Without it, H2 reads every resource of the database in id order and
   * tests each against the filter's subquery.
   */
  default Optional<Predicate> anchorJoin(QueryScope scope, Filter filter) {
    return Optional.empty();
  }

  /** Resources with a value in the schema extension, for {@code schemas eq "urn:…"}. */
  Predicate hasExtension(QueryScope scope, SchemaExtension extension);

  /** The value to sort by for an attribute kept outside the row; a 400 if it cannot sort. */
  Expression<?> sortValue(QueryScope scope, Sort sort);

  /**
   * A column of the resource's row and how its values compare.
   *
   * @param alwaysSet whether every row has a value (NOT NULL), so sorting needs no "missing last"
   *     rule and the database can read the order from an index
   */
  record Column(String field, Kind kind, boolean alwaysSet) {}

  enum Kind {
    /** A string compared as it is. */
    EXACT,
    /** The {@link io.rollcall.protocol.schema.CaseFolding folded} form of a string. */
    FOLDED,
    /** A boolean stored as 0 or 1. */
    FLAG,
    TIME
  }
}
