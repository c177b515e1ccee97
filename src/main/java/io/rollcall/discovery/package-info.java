/** SCIM discovery (RFC 7644 §4): service provider configuration, resource types and schemas. */
package io.rollcall.discovery;
