/** The JSON admin API: tenants, tokens and tenant settings, authenticated as an admin. */
package io.rollcall.admin;
