/**
 * The representation of a SCIM resource inside Rollcall and the two translations around it.
 *
 * <p>A resource is a {@code Map<String, Object>} shaped like parsed JSON (RFC 7643 §3, §8.7.1):
 * strings, {@link java.lang.Boolean}s, {@link java.math.BigDecimal}s, lists and nested maps, with
 * each extension's attributes nested under its schema URN. {@link
 * io.rollcall.protocol.resource.ResourceNormalizer} turns what a client sent into the canonical
 * form and rejects what the schema does not allow; {@link
 * io.rollcall.protocol.resource.AttributeProjection} decides which attributes of a canonical
 * resource go back to the client (RFC 7643 §2.2 {@code returned}, RFC 7644 §3.9). Neither knows
 * about JSON, HTTP or persistence.
 */
package io.rollcall.protocol.resource;
