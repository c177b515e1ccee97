package io.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.web.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminTrailQueryTest {

  @Test
  void blankParametersMeanAnyAndTheDefaultPage() {
    AdminTrailQuery q = AdminTrailQuery.of(null, " ", "", null, "", null, null);
    assertEquals(new AdminTrailQuery(null, null, null, null, null, null, 50), q);
  }

  @Test
  void everyFilterIsReadAndNormalised() {
    AdminTrailQuery q =
        AdminTrailQuery.of(
            " Alice ",
            "Tenant.Create",
            "REFUSED",
            "2026-11-01T00:00:00Z",
            "2026-12-01T00:00:00Z",
            "42",
            "500");
    assertEquals("alice", q.actor());
    assertEquals("tenant.create", q.action());
    assertEquals("refused", q.outcome());
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), q.from());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.to());
    assertEquals(42L, q.before());
    assertEquals(500, q.limit());
  }

  @Test
  void aFamilyOfActionsIsAllowed() {
    assertEquals(
        "admin-token",
        AdminTrailQuery.of(null, "admin-token", null, null, null, null, null).action());
    assertNull(AdminTrailQuery.of(null, null, null, null, null, null, null).action());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "-|tenant.create.more|-|-|-|-|-",
        "-|tenant%|-|-|-|-|-",
        "-|-|maybe|-|-|-|-",
        "-|-|-|yesterday|-|-|-",
        "-|-|-|-|2026-13-01T00:00:00Z|-|-",
        "-|-|-|2026-12-01T00:00:00Z|2026-11-01T00:00:00Z|-|-",
        "-|-|-|-|-|abc|-",
        "-|-|-|-|-|-|0",
        "-|-|-|-|-|-|501",
        "-|-|-|-|-|-|ten",
      })
  void malformedFiltersAreRefusedWithAMessage(
      String actor,
      String action,
      String outcome,
      String from,
      String to,
      String before,
      String limit) {
    assertThrows(
        InvalidInputException.class,
        () -> AdminTrailQuery.of(actor, action, outcome, from, to, before, limit));
  }

  @Test
  void storedTextIsClippedAndFreeOfControlCharacters() {
    assertEquals("a b", AdminTrailEntry.clip("a\nb", 10));
    assertEquals("abc", AdminTrailEntry.clip("abcdef", 3));
    assertEquals(2, AdminTrailEntry.clip("\uD83D\uDE00\uD83D\uDE00", 2).length());
    assertNull(AdminTrailEntry.clip(null, 3));
  }
}
