package io.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.web.JsonErrors;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

  @Test
  void otherParametersLeaveTheFilterOutAndDecodeTheRest() {
    assertEquals(
        "startIndex=1&count=2",
        AuditFilter.otherParameters("filter=userName%20eq%20%22a%22&startIndex=1&count=2"));
    assertEquals(
        "aadOptscim062020&excludedAttributes=members",
        AuditFilter.otherParameters("aadOptscim062020&excludedAttributes=members"));
    assertNull(AuditFilter.otherParameters("filter=x"));
    assertNull(AuditFilter.otherParameters(null));
    assertEquals("bad=%zz", AuditFilter.otherParameters("bad=%zz"), "kept as sent when malformed");
  }

  @Test
  void theErrorCodeComesFromTheMapperElseFromTheErrorBody() {
    String body = JsonErrors.scimBody(400, "invalidValue", "no").toString();
    assertEquals("no_account", AuditFilter.errorCode("no_account", 400, body));
    assertEquals("invalidValue", AuditFilter.errorCode(null, 400, body));
    assertEquals(
        "invalidFilter",
        AuditFilter.errorCode(null, 400, JsonErrors.scimBody(400, "invalidFilter", "x")));
    assertNull(AuditFilter.errorCode(null, 429, JsonErrors.scimBody(429, null, "slow down")));
    assertNull(AuditFilter.errorCode(null, 404, "<html>not json</html>"));
    assertNull(AuditFilter.errorCode(null, 400, "[1, 2]"));
    assertNull(AuditFilter.errorCode("ignored", 200, body), "successes have no error code");
  }

  @Test
  void recordsClipTheUserAgentAndQuery() {
    AuditRecord record =
        new AuditRecord(
            "t",
            Instant.EPOCH,
            "rcs_x",
            "GET",
            "/Users",
            null,
            200,
            null,
            1,
            "count=" + "9".repeat(300),
            "a".repeat(500),
            null);
    assertEquals(200, record.userAgent().length());
    assertEquals(200, record.queryParams().length());
  }

  @Test
  void recordsHoldNoNulAndNoHalfSurrogatePair() {
    // PostgreSQL refuses U+0000 in text; one such value would fail its whole batch of entries.
    AuditRecord record =
        new AuditRecord(
            "t",
            Instant.EPOCH,
            "rcs_x",
            "GET",
            "/Users",
            "userName eq \"a\u0000b\"",
            200,
            null,
            1,
            null,
            "x".repeat(199) + "\uD83D\uDE00",
            null);
    assertEquals("userName eq \"a\uFFFDb\"", record.filter());
    assertEquals("x".repeat(199), record.userAgent());
  }

  @Test
  void droppedAttributeNamesAreRecordedOnlyForRequestsThatSucceeded() {
    DroppedAttributes dropped = new DroppedAttributes();
    dropped.add("members[0].displayName");
    dropped.add("nickNmae");
    assertEquals("members.displayName,nickNmae", AuditFilter.dropped(dropped, 200));
    assertNull(AuditFilter.dropped(dropped, 400), "a failed request stored nothing");
    assertNull(AuditFilter.dropped(new DroppedAttributes(), 200));
    assertNull(AuditFilter.dropped(null, 200));
  }
}
