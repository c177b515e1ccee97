/** What every feature stands on: start-up (migrations), JSON errors, public URLs, health. */
package io.rollcall.platform;
