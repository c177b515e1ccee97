/** Timers that keep stored data within its retention periods. */
package io.rollcall.housekeeping;
