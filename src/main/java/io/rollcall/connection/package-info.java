/**
 * The connection check of a tenant: reads the last day of its SCIM audit log and answers the IT
 * admin's first question, "is my identity provider reaching Rollcall, and if not, why?" — which
 * provider calls, when it last did, whether its connection test passed, what it changed, and each
 * failure with a fix in plain language. {@link io.rollcall.connection.ConnectionCheck} is the pure
 * part (no JPA, no HTTP); {@link io.rollcall.connection.ConnectionService} reads the log for it.
 */
package io.rollcall.connection;
