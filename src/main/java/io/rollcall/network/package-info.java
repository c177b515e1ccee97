/**
 * IP addresses and ranges: the trusted proxies whose forwarding headers are believed, and the
 * private, loopback and reserved ranges that webhooks must not reach. Uses nothing else of
 * Rollcall.
 */
package io.rollcall.network;
