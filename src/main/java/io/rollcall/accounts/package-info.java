/**
 * The account directory of access-only tenants: the people the app already has (uploaded as JSON or
 * CSV), whom SCIM may grant access but never create. Uses {@code tenant} and the infrastructure
 * layer.
 */
package io.rollcall.accounts;
