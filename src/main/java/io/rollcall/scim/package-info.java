/**
 * The SCIM 2.0 HTTP surface: the JAX-RS application that gathers the resources, the search across
 * resource types, {@code /Me} and {@code /Bulk}, the error mapping and request-size plumbing. The
 * top layer: it may use every feature.
 */
package io.rollcall.scim;
