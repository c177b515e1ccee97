package io.rollcall.scim;

import io.rollcall.audit.AuditFilter;
import io.rollcall.database.DuplicateKey;
import io.rollcall.database.Overload;
import io.rollcall.protocol.ScimException;
import io.rollcall.web.JsonErrors;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure under {@code /scim/v2} into the RFC 7644 §3.12 error body, served as {@code
 * application/scim+json}. Client errors are logged at FINE; anything unexpected is a 500 whose body
 * carries only a correlation id, with the stack trace in the server log.
 */
public class ScimExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());
  static final MediaType SCIM_JSON = MediaType.valueOf(JsonErrors.SCIM_MEDIA_TYPE);

  /** Where the audit log's finer error code is left for the {@link AuditFilter}. */
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof ScimException scim) {
      LOG.log(Level.FINE, "SCIM client error", scim);
      if (request != null) {
        request.setAttribute(AuditFilter.ERROR_CODE, scim.auditCode());
      }
      return error(scim.status(), scim.scimType(), scim.detail());
    }
    if (failure instanceof JsonbException) {
      return error(400, "invalidSyntax", "The request body is not valid JSON.");
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      Response answer = error(status, null, web.getResponse().getStatusInfo().getReasonPhrase());
      // A 405 must say which methods the endpoint has (RFC 9110 §15.5.6); JAX-RS computed them.
      String allow = web.getResponse().getHeaderString("Allow");
      return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
    }
    if (DuplicateKey.isDuplicateKey(thrown)) {
      return error(
          409,
          "uniqueness",
          "A concurrent request stored the same unique value first; it is already taken.");
    }
    if (Overload.isOverload(thrown)) {
      LOG.log(Level.FINE, "Refused under load", thrown);
      return Response.fromResponse(
              error(503, null, "Rollcall is busy; retry after the time in Retry-After."))
          .header("Retry-After", Overload.RETRY_AFTER_SECONDS)
          .build();
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.WARNING, "Unexpected failure " + correlationId, thrown);
    return Response.fromResponse(
            error(500, null, "Internal server error (correlation id " + correlationId + ")"))
        .header("X-Correlation-Id", correlationId)
        .build();
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof EJBException || t instanceof ProcessingException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static Response error(int status, String scimType, String detail) {
    return Response.status(status)
        .type(SCIM_JSON.withCharset("UTF-8"))
        .entity(JsonErrors.scimBody(status, scimType, detail).toString())
        .build();
  }
}
