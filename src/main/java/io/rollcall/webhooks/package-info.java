/**
 * Tenants' webhooks: signed, ordered, at-least-once delivery of provisioning events, only to https
 * receivers on public addresses (checked when saved and again, without a second lookup, when
 * delivered). Uses {@code events}, {@code tenant}, {@code security} and the infrastructure layer.
 */
package io.rollcall.webhooks;
