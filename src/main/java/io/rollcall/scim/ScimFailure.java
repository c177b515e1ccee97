package io.rollcall.scim;

import io.rollcall.database.DuplicateKey;
import io.rollcall.database.Overload;
import io.rollcall.protocol.ScimException;
import io.rollcall.ratelimit.RateLimitExceeded;
import io.rollcall.web.NodeStopping;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a failure tells a SCIM client: the status, {@code scimType} and {@code detail} of the RFC
 * 7644 §3.12 error body, and the headers that go with it. One classification for a single request
 * ({@link ScimExceptionMapper}) and for each operation of a bulk request, so that an operation
 * answers exactly what its single request would. Client errors are logged at FINE; anything
 * unexpected is a 500 whose detail carries only a correlation id, with the stack trace in the log.
 */
record ScimFailure(int status, String scimType, String detail, Map<String, String> headers) {

  private static final Logger LOG = Logger.getLogger(ScimFailure.class.getName());

  ScimFailure(int status, String scimType, String detail) {
    this(status, scimType, detail, Map.of());
  }

  static ScimFailure of(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof ScimException scim) {
      LOG.log(Level.FINE, "SCIM client error", scim);
      return new ScimFailure(scim.status(), scim.scimType(), scim.detail());
    }
    if (failure instanceof RateLimitExceeded limited) {
      // RFC 6585 §4: 429 with Retry-After, as the rate-limit filter answers.
      return new ScimFailure(
          429,
          null,
          limited.refusal().detail(),
          Map.of("Retry-After", Long.toString(limited.refusal().retryAfterSeconds())));
    }
    if (failure instanceof JsonbException) {
      return new ScimFailure(400, "invalidSyntax", "The request body is not valid JSON.");
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      // A 405 must say which methods the endpoint has (RFC 9110 §15.5.6); JAX-RS computed them.
      String allow = web.getResponse().getHeaderString("Allow");
      return new ScimFailure(
          web.getResponse().getStatus(),
          null,
          web.getResponse().getStatusInfo().getReasonPhrase(),
          allow == null ? Map.of() : Map.of("Allow", allow));
    }
    if (DuplicateKey.isDuplicateKey(thrown)) {
      return new ScimFailure(
          409,
          "uniqueness",
          "A concurrent request stored the same unique value first; it is already taken.");
    }
    if (Overload.isOverload(thrown)) {
      LOG.log(Level.FINE, "Refused under load", thrown);
      return new ScimFailure(
          503,
          null,
          "Rollcall is busy; retry after the time in Retry-After.",
          Map.of("Retry-After", Integer.toString(Overload.RETRY_AFTER_SECONDS)));
    }
    if (NodeStopping.isStopping()) {
      // One line without the trace: a stop can fail hundreds of requests, each for the same reason.
      LOG.info("Answered 503 while the node stops: " + thrown.getClass().getName());
      return new ScimFailure(
          503,
          null,
          NodeStopping.MESSAGE,
          Map.of("Retry-After", Integer.toString(NodeStopping.RETRY_AFTER_SECONDS)));
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.WARNING, "Unexpected failure " + correlationId, thrown);
    return new ScimFailure(
        500,
        null,
        "Internal server error (correlation id " + correlationId + ")",
        Map.of("X-Correlation-Id", correlationId));
  }

  /**
   * The audit log's code for a failure: a {@link ScimException}'s finer code where it has one (what
   * the connection check tells causes apart by), else null and the body's {@code scimType}.
   */
  static String auditCode(Throwable thrown) {
    return unwrap(thrown) instanceof ScimException scim ? scim.auditCode() : null;
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof EJBException || t instanceof ProcessingException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
