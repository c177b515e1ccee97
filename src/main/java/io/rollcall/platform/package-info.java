/**
 * What every feature stands on: start-up (migrations, then {@code DatabaseReady}), durable answers
 * on H2, overload detection, JSON and HTML error pages, public URLs. Uses nothing above it.
 */
package io.rollcall.platform;
