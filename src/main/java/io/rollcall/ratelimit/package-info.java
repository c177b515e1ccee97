/**
 * Rate limits of the SCIM API: a token bucket per tenant and one for the whole node, checked after
 * the bearer token and before the resource. Refusals are answered 429 with {@code Retry-After} and
 * announced as {@link io.rollcall.ratelimit.ScimRequestRefused} events ({@link
 * io.rollcall.ratelimit.RefusalCounts} keeps the counts).
 *
 * <p>The buckets are each node's own memory: with N nodes a tenant may get up to N times its limit
 * (see README, "Running a cluster").
 */
package io.rollcall.ratelimit;
