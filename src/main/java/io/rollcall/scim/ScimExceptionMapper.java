package io.rollcall.scim;

import io.rollcall.audit.AuditFilter;
import io.rollcall.web.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns every failure under {@code /scim/v2} into the RFC 7644 §3.12 error body, served as {@code
 * application/scim+json}, as {@link ScimFailure} classifies the failure.
 */
public class ScimExceptionMapper implements ExceptionMapper<Throwable> {

  static final MediaType SCIM_JSON = MediaType.valueOf(JsonErrors.SCIM_MEDIA_TYPE);

  /** Where the audit log's finer error code is left for the {@link AuditFilter}. */
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable thrown) {
    ScimFailure failure = ScimFailure.of(thrown);
    if (request != null) {
      request.setAttribute(AuditFilter.ERROR_CODE, ScimFailure.auditCode(thrown));
    }
    Response.ResponseBuilder answer =
        Response.fromResponse(error(failure.status(), failure.scimType(), failure.detail()));
    failure.headers().forEach(answer::header);
    return answer.build();
  }

  static Response error(int status, String scimType, String detail) {
    return Response.status(status)
        .type(SCIM_JSON.withCharset("UTF-8"))
        .entity(JsonErrors.scimBody(status, scimType, detail).toString())
        .build();
  }
}
