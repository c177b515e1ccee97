/**
 * Authentication: per-tenant SCIM bearer tokens (stored only as hashes) and admin accounts
 * (PBKDF2), checked by one Jakarta Security mechanism with an identity store per credential type.
 * Admin sign-ins pass a throttle keyed on the account name and the client address (taken from
 * {@code X-Forwarded-For} only through trusted proxies) before any password is hashed.
 */
package io.rollcall.security;
