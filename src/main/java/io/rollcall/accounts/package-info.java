/**
 * The account directory of access-only tenants: the people the app already has (uploaded as JSON or
 * CSV), whom SCIM may grant access but never create; who departed in a full HR sync; and the
 * management hierarchy their {@code managerEmail} column draws ({@link
 * io.rollcall.accounts.OrgChart}). Uses {@code tenant} and the infrastructure layer.
 */
package io.rollcall.accounts;
