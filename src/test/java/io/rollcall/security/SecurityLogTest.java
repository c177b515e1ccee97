package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Security log lines are parseable key=value pairs that no client input can break or forge. */
class SecurityLogTest {

  @Test
  void fieldsKeepTheirOrderAndMissingOnesAreLeftOut() {
    String line =
        SecurityLog.event("credential_refused")
            .with("plane", "scim")
            .with("reason", "revoked")
            .with("tenant", null)
            .with("token", "rcs_ab12cd34")
            .with("client", "192.0.2.7")
            .text();

    assertEquals(
        "event=credential_refused plane=scim reason=revoked token=rcs_ab12cd34 client=192.0.2.7",
        line);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "alice                    | alice",
        "alice@acme.com           | alice@acme.com",
        "2001:db8::1              | 2001:db8::1",
        "'two words'              | '\"two words\"'",
        "'say \"hi\"'             | '\"say \\\"hi\\\"\"'",
        "'back\\slash'            | '\"back\\\\slash\"'",
        "'a=b'                    | '\"a=b\"'",
        "björn                    | '\"björn\"'",
        "''                       | '\"\"'",
      })
  void valuesAreQuotedWhenTheyHoldMoreThanPlainCharacters(String value, String expected) {
    assertEquals(expected, SecurityLog.quoted(value));
  }

  @Test
  void aNameWithALineBreakCannotForgeASecondLine() {
    String typed = "alice\nevent=admin_action action=admin.create outcome=success";

    String line = SecurityLog.event("sign_in_refused").with("account", typed).text();

    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("\r"), line);
    assertEquals(
        "event=sign_in_refused account=\"alice\\u000aevent=admin_action action=admin.create"
            + " outcome=success\"",
        line);
  }

  @Test
  void aRepeatIsDueAgainOnlyAfterAMinute() {
    String key = "credential_refused " + java.util.UUID.randomUUID();
    long start = 1_000_000_000L;

    assertEquals(true, SecurityLog.due(key, start));
    assertEquals(false, SecurityLog.due(key, start + SecurityLog.REPEAT_EVERY.toNanos() - 1));
    assertEquals(true, SecurityLog.due(key, start + SecurityLog.REPEAT_EVERY.toNanos()));
    assertEquals(true, SecurityLog.due(key + " other client", start + 1));
  }

  @Test
  void unicodeLineSeparatorsAndControlCharactersAreEscapedToo() {
    assertEquals("\"a\\u2028b\\u0085c\\u001bd\"", SecurityLog.quoted("a\u2028b\u0085c\u001bd"));
  }
}
