/**
 * SCIM PATCH (RFC 7644 §3.5.2): operations applied to the SCIM representation of a resource, held
 * as a plain map, yielding a new map that the caller then validates and stores like a PUT.
 *
 * <p>Pure protocol code: no persistence, HTTP or JSON library.
 */
package io.rollcall.protocol.patch;
