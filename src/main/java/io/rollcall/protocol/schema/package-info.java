/**
 * The schema registry (RFC 7643 §7) that drives validation, PATCH, filtering, projection and
 * discovery alike, and the one place each attribute type is read: {@code AttributeValues}, {@code
 * DateTimes} and {@code CaseFolding}.
 */
package io.rollcall.protocol.schema;
