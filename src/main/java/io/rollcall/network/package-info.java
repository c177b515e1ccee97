/**
 * IP addresses and ranges: trusted proxies for client addresses, and the private, loopback and
 * reserved ranges that webhooks must not reach. Uses nothing else of Rollcall.
 */
package io.rollcall.network;
