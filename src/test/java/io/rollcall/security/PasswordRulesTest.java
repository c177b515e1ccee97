package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.web.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "twelve chars",
        "abcdefghijkl",
        "correct horse battery staple",
        "пароль-пароль",
        "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
            + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
      })
  void acceptedPasswords(String password) {
    assertDoesNotThrow(() -> PasswordRules.check("alice", password));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alice|''",
        "alice|eleven char",
        "alice|'            '",
        "alice.smith@example.com|ALICE.SMITH@EXAMPLE.COM",
      })
  void refusedPasswords(String username, String password) {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> PasswordRules.check(username, password));
    if (!password.isBlank()) {
      assertFalse(refused.getMessage().contains(password), "the message repeats the password");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1025, 5000})
  void overlongPasswordsAreRefusedBeforeAnyHashing(int length) {
    assertThrows(InvalidInputException.class, () -> PasswordRules.check("a", "x".repeat(length)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00" // 6 emoji
      })
  void lengthCountsCharactersNotUtf16Units(String password) {
    assertThrows(InvalidInputException.class, () -> PasswordRules.check("a", password));
  }
}
