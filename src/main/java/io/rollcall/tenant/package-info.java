/** Tenants: the customer organisations Rollcall serves, each isolated from the others. */
package io.rollcall.tenant;
