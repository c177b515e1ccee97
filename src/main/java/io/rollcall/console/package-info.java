/**
 * The admin console: Jakarta Faces pages under {@code /console/} for tenants, SCIM tokens, identity
 * provider setup guides, provisioned users, the audit log and tenant settings (provisioning mode,
 * account directory, permission rules, webhook). The beans only translate between pages and the
 * same services the admin API uses; sign-in, sessions and CSRF tokens belong to {@code security}.
 */
package io.rollcall.console;
