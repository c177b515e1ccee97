/**
 * Permission rules of a tenant (a SCIM filter → a permission group) and their in-memory evaluation
 * over a user's SCIM representation. Uses {@code protocol}, {@code tenant} and the infrastructure
 * layer.
 */
package io.rollcall.permissions;
