package io.rollcall.protocol.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The parser, resolver and evaluator accept anything: a result or a 400, never another failure. */
class FilterParserProperties {

  static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();

  @Property(tries = 500)
  void arbitraryStringsYieldAFilterOrInvalidFilter(@ForAll @StringLength(max = 300) String text) {
    assertParsesOrRejects(text);
  }

  @Property(tries = 1000)
  void grammarCharacterSoupsYieldAFilterOrInvalidFilter(@ForAll("grammarCharacters") String text) {
    assertParsesOrRejects(text);
  }

  @Property(tries = 2000)
  void tokenSoupsYieldAFilterOrInvalidFilter(@ForAll("tokenSoups") String text) {
    assertParsesOrRejects(text);
  }

  @Property(tries = 50)
  void deepNestingIsRejectedNotOverflowed(
      @ForAll @IntRange(min = 0, max = 5000) int depth, @ForAll("nestingOpeners") String opener) {
    String text = opener.repeat(depth) + "title pr" + (opener.equals("(") ? ")" : "").repeat(depth);
    assertParsesOrRejects(text.length() > FilterParser.MAX_LENGTH ? text.substring(0, 4096) : text);
    assertParsesOrRejects(text);
  }

  @Provide
  Arbitrary<String> grammarCharacters() {
    return Arbitraries.strings().withChars("()[]\" .:$-_\\/aeqnotrpdAEuU0129lsf").ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> nestingOpeners() {
    return Arbitraries.of("(", "not ", "not(");
  }

  @Provide
  Arbitrary<String> tokenSoups() {
    Arbitrary<String> token =
        Arbitraries.of(
            "userName",
            "emails",
            "name.givenName",
            "name",
            "title",
            "active",
            "members",
            "meta.lastModified",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            "schemas",
            "type",
            "value",
            ".value",
            "x509Certificates.value",
            "eq",
            "ne",
            "co",
            "sw",
            "ew",
            "gt",
            "ge",
            "lt",
            "le",
            "pr",
            "and",
            "or",
            "not",
            "AND",
            "Or",
            "(",
            ")",
            "[",
            "]",
            "\"x\"",
            "\"",
            "\"\\u00e9\"",
            "\"\\q\"",
            "true",
            "false",
            "null",
            "42",
            "-1.5e3",
            "1e999999999999",
            "\"2011-05-13T04:42:34Z\"",
            "\"work\"",
            ".",
            ":");
    Arbitrary<String> separator = Arbitraries.of(" ", "", "  ");
    return Arbitraries.lazy(() -> token)
        .list()
        .ofMaxSize(25)
        .flatMap(tokens -> separator.list().ofSize(tokens.size()).map(seps -> join(tokens, seps)));
  }

  private static String join(List<String> tokens, List<String> separators) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      out.append(tokens.get(i)).append(separators.get(i));
    }
    return out.toString();
  }

  private static void assertParsesOrRejects(String text) {
    try {
      FilterParser.parse(text);
    } catch (ScimException e) {
      assertEquals(400, e.status());
      assertEquals("invalidFilter", e.scimType());
      return;
    }
    try {
      Filter resolved = FilterParser.parse(text, USER);
      FilterEvaluator.matches(resolved, FilterEvaluatorTest.bjensen(), USER);
    } catch (ScimException e) {
      assertEquals(400, e.status());
      assertEquals("invalidFilter", e.scimType());
    }
  }
}
