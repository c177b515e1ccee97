/**
 * The database as every feature meets it: migrations at start-up (then {@code DatabaseReady}),
 * durable answers on H2 ({@code CommitDurability}, {@code DurableResponses}), recognising overload
 * ({@code Overload}) and the {@code Instant} column converter. Uses nothing else of Rollcall.
 */
package io.rollcall.database;
