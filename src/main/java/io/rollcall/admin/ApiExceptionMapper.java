package io.rollcall.admin;

import io.rollcall.access.UnknownAppKeyException;
import io.rollcall.database.DuplicateKey;
import io.rollcall.database.Overload;
import io.rollcall.protocol.ScimException;
import io.rollcall.security.LastOwnerException;
import io.rollcall.security.UnknownAdminException;
import io.rollcall.security.UnknownTokenException;
import io.rollcall.tenant.UnknownTenantException;
import io.rollcall.users.UploadInProgressException;
import io.rollcall.web.InvalidInputException;
import io.rollcall.web.JsonErrors;
import io.rollcall.web.NodeStopping;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the admin API becomes a JSON {@code {"status", "message"}} body. Unexpected ones
 * are logged with a correlation id that the response carries; their text is never shown.
 */
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof InvalidInputException) {
      return answer(400, failure.getMessage());
    }
    if (failure instanceof UnknownTenantException
        || failure instanceof UnknownTokenException
        || failure instanceof UnknownAppKeyException
        || failure instanceof UnknownAdminException) {
      return answer(404, failure.getMessage());
    }
    if (failure instanceof LastOwnerException || failure instanceof UploadInProgressException) {
      return answer(409, failure.getMessage());
    }
    if (failure instanceof ScimException scim && scim.status() < 500) {
      return answer(scim.status(), scim.detail());
    }
    if (failure instanceof JsonbException || failure instanceof ProcessingException) {
      return answer(400, "The request body is not valid JSON of the expected shape.");
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status < 500) {
        return answer(status, web.getResponse().getStatusInfo().getReasonPhrase());
      }
    }
    if (DuplicateKey.isDuplicateKey(thrown)) {
      return answer(409, "A concurrent request stored the same unique value first.");
    }
    if (Overload.isOverload(thrown)) {
      LOG.log(Level.FINE, "Refused under load", thrown);
      return Response.fromResponse(
              answer(503, "Rollcall is busy; retry after Retry-After seconds."))
          .header("Retry-After", Overload.RETRY_AFTER_SECONDS)
          .build();
    }
    if (NodeStopping.isStopping()) {
      LOG.info("Answered 503 while the node stops: " + thrown.getClass().getName());
      return Response.fromResponse(answer(503, NodeStopping.MESSAGE))
          .header("Retry-After", NodeStopping.RETRY_AFTER_SECONDS)
          .build();
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.WARNING, "Unexpected failure " + correlationId, thrown);
    return Response.status(500)
        .header("X-Correlation-Id", correlationId)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JsonErrors.apiBody(500, "Internal server error (correlation id " + correlationId + ")")
                .toString())
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

  private static Response answer(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JsonErrors.apiBody(status, message).toString())
        .build();
  }
}
