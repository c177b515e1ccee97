/**
 * The access-check API for the host application: who has access now, since when, with which
 * permission groups; authenticated by app keys. Uses {@code users}, tenancy and infrastructure.
 */
package io.rollcall.access;
