package io.rollcall.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.ScimException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a failure tells the client: the same classification answers a single request and each
 * operation of a bulk request, so both report a failure alike.
 */
class ScimFailureTest {

  @Test
  void scimErrorsPassThroughAlsoWhenWrappedByTheEjbContainer() {
    ScimException precondition = ScimException.preconditionFailed("stale");
    for (Throwable thrown :
        new Throwable[] {
          precondition,
          new EJBException(precondition),
          new EJBException(new EJBException(precondition))
        }) {
      ScimFailure failure = ScimFailure.of(thrown);
      assertEquals(new ScimFailure(412, null, "stale"), failure);
    }
    assertEquals("uniqueness", ScimFailure.of(ScimException.uniqueness("taken")).scimType());
  }

  @Test
  void unparsableJsonIsInvalidSyntax() {
    ScimFailure failure = ScimFailure.of(new JsonbException("unexpected char at 3"));
    assertEquals(400, failure.status());
    assertEquals("invalidSyntax", failure.scimType());
    assertEquals("The request body is not valid JSON.", failure.detail(), "no parser text leaks");
  }

  @Test
  void aLostUniquenessRaceIs409Uniqueness() {
    ScimFailure failure =
        ScimFailure.of(new EJBException(new RuntimeException(new SQLException("dup", "23505"))));
    assertEquals(409, failure.status());
    assertEquals("uniqueness", failure.scimType());
  }

  @Test
  void overloadIs503WithRetryAfter() {
    ScimFailure failure =
        ScimFailure.of(
            new EJBException(new RuntimeException(new SQLTransientConnectionException("pool"))));
    assertEquals(503, failure.status());
    assertEquals(Map.of("Retry-After", "2"), failure.headers());
  }

  @Test
  void anythingElseIs500WithOnlyACorrelationId() {
    ScimFailure failure = ScimFailure.of(new IllegalStateException("secret internals"));
    assertEquals(500, failure.status());
    String correlationId = failure.headers().get("X-Correlation-Id");
    assertTrue(failure.detail().contains(correlationId), failure.detail());
    assertFalse(failure.detail().contains("secret"), failure.detail());
  }
}
