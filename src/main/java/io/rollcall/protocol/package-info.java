/**
 * The SCIM protocol engine (RFC 7643, RFC 7644, RFC 9865) in plain Java: the error model, list
 * requests and responses, paging cursors and the limits discovery advertises; its sub-packages hold
 * the schemas, filters, PATCH, bulk operations and the resource form. No JPA, no HTTP: {@code
 * ArchitectureTest} keeps it so, and it depends on nothing else of Rollcall.
 */
package io.rollcall.protocol;
