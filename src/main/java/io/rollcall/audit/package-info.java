/**
 * Two records of what happened. The audit log of the SCIM API: every request of a tenant (time,
 * token prefix, method, path, filter, status, resource id, duration), recorded by a JAX-RS filter
 * into a bounded in-memory queue and written in batches by a timer, so recording never waits for
 * the database. The admin trail: every admin action and sign-in, with who, role, client address,
 * what and outcome, written in the action's own transaction ({@link
 * io.rollcall.audit.AdminTrail#run}). Both are read by the admin API and the console and purged
 * after their retention periods.
 */
package io.rollcall.audit;
