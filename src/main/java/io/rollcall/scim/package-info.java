/** The SCIM 2.0 HTTP surface: the JAX-RS application, its error mapping and request plumbing. */
package io.rollcall.scim;
