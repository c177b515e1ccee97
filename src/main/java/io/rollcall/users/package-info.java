/**
 * SCIM {@code /Users} (RFC 7643 §4.1, RFC 7644 §3): the one write path for users (create, replace,
 * PATCH, delete, lifecycle), the value index that filters and sorting use, and the users' part of
 * the shared search ({@code UserMapping}). {@code UserRow} is the JPA entity, {@code User} the read
 * model, {@code UserRepresentation} the wire form. Uses the layers below it: tenancy,
 * infrastructure, protocol.
 */
package io.rollcall.users;
