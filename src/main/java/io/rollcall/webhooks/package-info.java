/**
 * Tenants' webhooks: signed, ordered, at-least-once delivery of provisioning events, only to https
 * receivers on public addresses (checked when saved and again, without a second lookup, when
 * delivered). Uses {@code events}, {@code tenant}, {@code security} and {@code platform}.
 */
package io.rollcall.webhooks;
