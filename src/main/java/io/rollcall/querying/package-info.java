/**
 * Turning SCIM list requests into database queries, for every resource type alike: {@code
 * ResourceSearch} (count and page from one predicate, {@code startIndex} or cursor paging), {@code
 * FilterTranslator} (filters as parameterised JPA Criteria, never SQL from strings) and the {@code
 * ResourceMapping} each type provides. Uses only {@code protocol}.
 */
package io.rollcall.querying;
