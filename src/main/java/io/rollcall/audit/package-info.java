/**
 * The audit log of the SCIM API: every request of a tenant (time, token prefix, method, path,
 * filter, status, resource id, duration), recorded by a JAX-RS filter into a bounded in-memory
 * queue and written to the database in batches by a timer, so recording never waits for the
 * database. Read by the admin API and the console; purged after the retention period.
 */
package io.rollcall.audit;
