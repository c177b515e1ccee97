/**
 * Bulk operations (RFC 7644 §3.7) in plain Java: reading the {@code BulkRequest}, ordering its
 * operations by their {@code bulkId} references, refusing circular references, substituting the ids
 * of created resources, counting errors against {@code failOnErrors} and building the {@code
 * BulkResponse}. What an operation does to a resource is left to a {@link
 * io.rollcall.protocol.bulk.BulkExecutor}, so this package needs no database and no HTTP.
 */
package io.rollcall.protocol.bulk;
