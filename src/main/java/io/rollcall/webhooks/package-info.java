/**
 * Webhooks: each tenant's provisioning events delivered, signed, in order and at least once to one
 * receiver. Uses {@code events}, {@code tenant}, {@code security} and {@code platform}.
 */
package io.rollcall.webhooks;
