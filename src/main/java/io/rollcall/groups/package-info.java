/**
 * SCIM {@code /Groups} (RFC 7643 §4.2, RFC 7644 §3): groups whose members live in their own table,
 * so that membership PATCHes cost what they change and large groups stay cheap to read.
 */
package io.rollcall.groups;
