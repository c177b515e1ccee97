/** MicroProfile Health checks, served by Payara Micro under {@code /health}. */
package io.rollcall.health;
