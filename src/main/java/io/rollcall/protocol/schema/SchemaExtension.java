package io.rollcall.protocol.schema;

/** A schema extension attached to a resource type (RFC 7643 §6 {@code schemaExtensions}). */
public record SchemaExtension(SchemaDefinition schema, boolean required) {}
