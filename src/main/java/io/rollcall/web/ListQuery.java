package io.rollcall.web;

import io.rollcall.protocol.ListRequest;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a SCIM list request (RFC 7644 §3.4.2, RFC 9865 {@code cursor}), for the
 * list endpoint of every resource type ({@code @BeanParam}). Read as text, so a bad value becomes a
 * SCIM 400 from {@link ListRequest} rather than a JAX-RS 404.
 */
public class ListQuery {

  @QueryParam("filter")
  String filter;

  @QueryParam("sortBy")
  String sortBy;

  @QueryParam("sortOrder")
  String sortOrder;

  @QueryParam("startIndex")
  String startIndex;

  @QueryParam("count")
  String count;

  @QueryParam("cursor")
  String cursor;

  @QueryParam("attributes")
  String attributes;

  @QueryParam("excludedAttributes")
  String excludedAttributes;

  public ListRequest request() {
    return ListRequest.fromQuery(
        filter, sortBy, sortOrder, startIndex, count, cursor, attributes, excludedAttributes);
  }
}
