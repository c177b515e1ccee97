/**
 * Authentication: per-tenant SCIM bearer tokens (stored only as hashes) and admin accounts
 * (PBKDF2), checked by one Jakarta Security mechanism with an identity store per credential type.
 */
package io.rollcall.security;
