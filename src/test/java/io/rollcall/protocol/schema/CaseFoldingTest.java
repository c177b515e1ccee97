package io.rollcall.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Folding for {@code caseExact: false} comparisons (RFC 7643 §2.1) that also merges the look-alikes
 * RFC 7644 §7.8 warns of: canonically equivalent spellings and compatibility forms such as
 * fullwidth letters.
 */
class CaseFoldingTest {

  @Test
  void caseDiffersOnly() {
    assertTrue(CaseFolding.equal("Alice@Example.COM", "alice@example.com"));
  }

  @Test
  void precomposedAndCombiningSpellingsAreEqual() {
    assertTrue(CaseFolding.equal("bj\u00f6rn", "bjo\u0308rn"));
    assertTrue(CaseFolding.equal("BJO\u0308RN", "bj\u00f6rn"));
  }

  @Test
  void fullwidthAndCompatibilityFormsAreTheirPlainLetters() {
    assertTrue(CaseFolding.equal("\uff41\uff4c\uff49\uff43\uff45@x.com", "alice@x.com"));
    assertTrue(CaseFolding.equal("\ufb01nance", "finance"), "the fi ligature");
    assertTrue(CaseFolding.equal("\u212a", "k"), "the Kelvin sign");
  }

  @Test
  void differentLettersStayDifferent() {
    assertFalse(CaseFolding.equal("bjorn", "bj\u00f6rn"));
    assertFalse(CaseFolding.equal("\u0430lice", "alice"), "Cyrillic a is another letter");
  }

  /** Locale-independent folding: Turkish dotted and dotless i are not the Latin i. */
  @Test
  void turkishIsFoldedWithoutALocale() {
    assertTrue(CaseFolding.equal("ISTANBUL", "istanbul"));
    assertFalse(CaseFolding.equal("\u0131stanbul", "istanbul"), "dotless \u0131 is its own letter");
    assertFalse(
        CaseFolding.equal("\u0130stanbul", "istanbul"), "\u0130 folds to i + combining dot");
    assertEquals("i\u0307stanbul", CaseFolding.fold("\u0130STANBUL"));
  }

  @Property
  void foldingTwiceChangesNothing(@ForAll @StringLength(max = 20) String text) {
    assertEquals(CaseFolding.fold(text), CaseFolding.fold(CaseFolding.fold(text)));
  }

  @Property
  void everyNormalizationFormOfATextFoldsAlike(@ForAll @StringLength(max = 20) String text) {
    String folded = CaseFolding.fold(text);
    for (Normalizer.Form form : Normalizer.Form.values()) {
      assertEquals(folded, CaseFolding.fold(Normalizer.normalize(text, form)), form.name());
    }
  }

  @Property
  void asciiFoldsToItsLowerCase(@ForAll @CharRange(from = 0, to = 127) String text) {
    assertEquals(text.toLowerCase(Locale.ROOT), CaseFolding.fold(text));
  }
}
