/**
 * Authentication: per-tenant SCIM bearer tokens (stored only as hashes), named admin accounts with
 * a role (owner or auditor; PBKDF2-HMAC-SHA512 passwords, strengthened at sign-in) and their admin
 * API tokens, all checked by one Jakarta Security mechanism with an identity store per credential
 * type. Admin sign-ins pass a throttle keyed on the account name (or token prefix) and the client
 * address (taken from {@code X-Forwarded-For} only through trusted proxies), with its counts in the
 * database that every node shares, before any secret is hashed, and are announced as {@link
 * io.rollcall.security.SignInAttempt} events for the admin trail.
 */
package io.rollcall.security;
