/** Provisioning events: an outbox written with each change, read by the events API. */
package io.rollcall.events;
