/**
 * SCIM filters (RFC 7644 §3.4.2.2) and attribute paths (RFC 7644 §3.10, §3.5.2): a hand-written
 * parser, an immutable syntax tree, resolution of names against a resource type's schemas, and an
 * in-memory evaluator for PATCH value paths and permission rules.
 *
 * <p>Pure protocol code: no persistence, HTTP or JSON library; resources are plain maps.
 */
package io.rollcall.protocol.filter;
