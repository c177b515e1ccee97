package io.rollcall.protocol.filter;

import static io.rollcall.protocol.filter.Ast.and;
import static io.rollcall.protocol.filter.Ast.cmp;
import static io.rollcall.protocol.filter.Ast.eq;
import static io.rollcall.protocol.filter.Ast.ext;
import static io.rollcall.protocol.filter.Ast.not;
import static io.rollcall.protocol.filter.Ast.num;
import static io.rollcall.protocol.filter.Ast.or;
import static io.rollcall.protocol.filter.Ast.path;
import static io.rollcall.protocol.filter.Ast.pr;
import static io.rollcall.protocol.filter.Ast.vp;
import static io.rollcall.protocol.filter.ComparisonOperator.CO;
import static io.rollcall.protocol.filter.ComparisonOperator.EW;
import static io.rollcall.protocol.filter.ComparisonOperator.GE;
import static io.rollcall.protocol.filter.ComparisonOperator.GT;
import static io.rollcall.protocol.filter.ComparisonOperator.LE;
import static io.rollcall.protocol.filter.ComparisonOperator.LT;
import static io.rollcall.protocol.filter.ComparisonOperator.NE;
import static io.rollcall.protocol.filter.ComparisonOperator.SW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

  /** Every example filter of RFC 7644 §3.4.2.2, then the extension paths of §3.10. */
  static Stream<Arguments> rfcExamples() {
    return Stream.of(
        Arguments.of("userName eq \"bjensen\"", eq("userName", "bjensen")),
        Arguments.of("name.familyName co \"O'Malley\"", cmp("name.familyName", CO, "O'Malley")),
        Arguments.of("userName sw \"J\"", cmp("userName", SW, "J")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            cmp(new AttributePath(Ast.CORE, "userName", null), SW, "J")),
        Arguments.of("title pr", pr("title")),
        Arguments.of(
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", GT, "2011-05-13T04:42:34Z")),
        Arguments.of(
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", GE, "2011-05-13T04:42:34Z")),
        Arguments.of(
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", LT, "2011-05-13T04:42:34Z")),
        Arguments.of(
            "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", LE, "2011-05-13T04:42:34Z")),
        Arguments.of(
            "title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
        Arguments.of(
            "title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
        Arguments.of(
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            eq("schemas", Ast.ENTERPRISE)),
        Arguments.of(
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co"
                + " \"example.org\")",
            and(
                eq("userType", "Employee"),
                or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org")))),
        Arguments.of(
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co"
                + " \"example.org\")",
            and(
                cmp("userType", NE, "Employee"),
                not(or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org"))))),
        Arguments.of(
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            and(eq("userType", "Employee"), eq("emails.type", "work"))),
        Arguments.of(
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            and(
                eq("userType", "Employee"),
                vp(
                    "emails",
                    and(eq("emails.type", "work"), cmp("emails.value", CO, "@example.com"))))),
        Arguments.of(
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and"
                + " value co \"@foo.com\"]",
            or(
                vp(
                    "emails",
                    and(eq("emails.type", "work"), cmp("emails.value", CO, "@example.com"))),
                vp("ims", and(eq("ims.type", "xmpp"), cmp("ims.value", CO, "@foo.com"))))),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Finance\"",
            cmp(ext("department"), ComparisonOperator.EQ, "Finance")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26\"",
            cmp(ext("manager.value"), ComparisonOperator.EQ, "26")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:emails[type eq \"w\"]",
            new Filter.ValuePath(
                ext("emails"), cmp(ext("emails.type"), ComparisonOperator.EQ, "w"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfcExamples")
  void parsesEveryRfcExampleIntoTheExactTree(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  /** RFC 7644 §3.4.2.2: grouping, then not, then and, then or; and/or associate to the left. */
  static Stream<Arguments> precedence() {
    return Stream.of(
        Arguments.of("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
        Arguments.of("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
        Arguments.of("not a pr and b pr", and(not(pr("a")), pr("b"))),
        Arguments.of("not (a pr) or b pr", or(not(pr("a")), pr("b"))),
        Arguments.of(
            "a pr and b pr or c pr and d pr", or(and(pr("a"), pr("b")), and(pr("c"), pr("d")))),
        Arguments.of("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
        Arguments.of("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
        Arguments.of("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
        Arguments.of("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
        Arguments.of("not (a pr or b pr) and c pr", and(not(or(pr("a"), pr("b"))), pr("c"))),
        Arguments.of("not not a pr", not(not(pr("a")))),
        Arguments.of("((a pr))", pr("a")),
        Arguments.of(
            "emails[type eq \"work\" or (type eq \"home\" and value ew \"@example.com\")]",
            vp(
                "emails",
                or(
                    eq("emails.type", "work"),
                    and(eq("emails.type", "home"), cmp("emails.value", EW, "@example.com"))))),
        Arguments.of(
            "emails[not (type eq \"work\")] and a pr",
            and(vp("emails", not(eq("emails.type", "work"))), pr("a"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  void orBindsLoosestThenAndThenNot(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  static Stream<Arguments> lexical() {
    return Stream.of(
        Arguments.of("userName EQ \"x\"", eq("userName", "x")),
        Arguments.of("a PR AND b Pr Or NoT (c pR)", or(and(pr("a"), pr("b")), not(pr("c")))),
        Arguments.of("active eq true", eq("active", true)),
        Arguments.of("active ne false", cmp("active", NE, false)),
        Arguments.of("title eq null", eq("title", null)),
        Arguments.of("x gt 42", cmp("x", GT, num("42"))),
        Arguments.of("x lt -1.5e3", cmp("x", LT, num("-1.5e3"))),
        Arguments.of("x eq 0", eq("x", num("0"))),
        Arguments.of("x eq 0.25E-2", eq("x", num("0.25E-2"))),
        Arguments.of(
            "x eq \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"",
            eq("x", "q\" b\\ s/ \b\f\n\r\t \u00e9\u20ac")),
        Arguments.of("x eq \"\"", eq("x", "")),
        Arguments.of("members[value eq\"2819\"]", vp("members", eq("members.value", "2819"))),
        Arguments.of("  title  pr\t", pr("title")),
        Arguments.of("not(title pr)", not(pr("title"))),
        Arguments.of("members.$ref pr", pr("members.$ref")),
        Arguments.of("x-y_1 pr", pr("x-y_1")),
        Arguments.of("not pr", pr("not")),
        Arguments.of("not eq \"x\"", eq("not", "x")),
        Arguments.of("(a pr)and(b pr)", and(pr("a"), pr("b"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lexical")
  void acceptsJsonLiteralsAndCaseInsensitiveKeywords(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  /** Every rejection names the 0-based position of the offending character. */
  static Stream<Arguments> rejects() {
    return Stream.of(
        Arguments.of("", "empty filter at 0"),
        Arguments.of("userName", "expected an operator after 'userName' at 8"),
        Arguments.of("userName eq", "expected a value at 11"),
        Arguments.of("userName foo \"x\"", "unknown operator 'foo' at 9"),
        Arguments.of("(userName eq \"x\"", "expected ')' at 16"),
        Arguments.of("userName eq \"x\")", "unexpected ')' at 15"),
        Arguments.of("userName eq \"x\" and", "expected a filter expression at 19"),
        Arguments.of("userName eq \"x\" title pr", "unexpected 'title' at 16"),
        Arguments.of("userName eq \"abc", "unterminated string at 12"),
        Arguments.of("userName eq \"a\\qb\"", "invalid escape '\\q' at 14"),
        Arguments.of("userName eq \"\\u12G4\"", "invalid \\u escape at 13"),
        Arguments.of("userName eq \"a\nb\"", "control character in string at 14"),
        Arguments.of("userName eq 01", "unexpected '1' at 13"),
        Arguments.of("userName eq 1.", "expected a digit at 14"),
        Arguments.of("userName eq -", "expected a digit at 13"),
        Arguments.of("userName eq 1e", "expected a digit at 14"),
        Arguments.of("x eq 1e99999999999", "number out of range at 5"),
        Arguments.of("userName eq True", "expected a string, number, true, false or null at 12"),
        Arguments.of("userName eq bjensen", "expected a string, number, true, false or null at 12"),
        Arguments.of(
            "emails[type eq \"work\"].value", "expected an operator after 'emails.value' at 28"),
        Arguments.of("emails[type eq \"work\"", "expected ']' at 21"),
        Arguments.of("emails[type eq \"work\")", "expected ']' at 21"),
        Arguments.of("emails[ims[type eq \"x\"]]", "value filters cannot be nested at 10"),
        Arguments.of("emails[value.x eq \"a\"]", "expected a sub-attribute name of 'emails' at 7"),
        Arguments.of(
            "emails[urn:x:y:value eq \"a\"]", "expected a sub-attribute name of 'emails' at 7"),
        Arguments.of(
            "name.givenName[value eq \"a\"]",
            "a value filter needs a multi-valued attribute, not a sub-attribute at 14"),
        Arguments.of("name.familyName.x eq \"a\"", "invalid character '.' in attribute name at 15"),
        Arguments.of("1abc eq \"x\"", "an attribute name must start with a letter at 0"),
        Arguments.of("foo:bar eq \"x\"", "expected an attribute name or a schema URN at 0"),
        Arguments.of("user$name eq \"x\"", "invalid character '$' in attribute name at 4"),
        Arguments.of("name. pr", "expected an attribute name at 5"),
        Arguments.of("urn:a:b: pr", "expected an attribute name at 8"),
        Arguments.of("\"x\" eq userName", "expected an attribute path at 0"),
        Arguments.of("()", "expected an attribute path at 1"),
        Arguments.of("not", "expected a filter expression at 3"),
        Arguments.of("a pr or or b pr", "unknown operator 'b' at 11"),
        Arguments.of("]", "expected an attribute path at 0"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("rejects")
  void rejectsMalformedFiltersWithPosition(String text, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(text));
    assertEquals("invalidFilter", e.scimType());
    assertEquals(400, e.status());
    assertEquals(detail, e.detail());
  }

  /** Microsoft Entra ID's lookup by work email; not RFC grammar, tolerated with its one meaning. */
  @Test
  void entraValuePathWithTrailingSubAttributeReadsAsOneValueFilter() {
    assertEquals(
        new Filter.ValuePath(
            AttributePath.of("emails"),
            and(eq("emails.type", "work"), eq("emails.value", "alice@contoso.com"))),
        FilterParser.parse("emails[type eq \"work\"].value eq \"alice@contoso.com\""));
  }

  @Test
  void rejectsNullText() {
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(null));
    assertEquals("empty filter at 0", e.detail());
  }

  @Test
  void acceptsFilterOfExactlyMaximumLength() {
    String text = "x eq \"" + "a".repeat(FilterParser.MAX_LENGTH - 7) + "\"";
    assertEquals(FilterParser.MAX_LENGTH, text.length());
    assertEquals(eq("x", "a".repeat(FilterParser.MAX_LENGTH - 7)), FilterParser.parse(text));
  }

  @Test
  void rejectsFilterLongerThanMaximumLength() {
    String text = "x eq \"" + "a".repeat(FilterParser.MAX_LENGTH - 6) + "\"";
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(text));
    assertEquals("invalidFilter", e.scimType());
    assertEquals("filter longer than 4096 characters at 4096", e.detail());
  }

  @Test
  void acceptsParenthesesNestedToMaximumDepth() {
    int n = FilterParser.MAX_DEPTH;
    assertEquals(pr("a"), FilterParser.parse("(".repeat(n) + "a pr" + ")".repeat(n)));
  }

  @Test
  void rejectsParenthesesNestedBeyondMaximumDepth() {
    int n = FilterParser.MAX_DEPTH + 1;
    ScimException e =
        assertThrows(
            ScimException.class, () -> FilterParser.parse("(".repeat(n) + "a pr" + ")".repeat(n)));
    assertEquals("nesting deeper than 32 levels at 32", e.detail());
  }

  @Test
  void countsNotAndValueFiltersTowardsNestingDepth() {
    String text = "not ".repeat(31) + "emails[(type pr)]";
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(text));
    assertEquals("nesting deeper than 32 levels at 131", e.detail());
  }

  @Test
  void parsesBareAttributePathWithExtensionUrn() {
    assertEquals(
        ext("manager.value"),
        AttributePaths.parse(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            ScimException::invalidValue));
    assertEquals(path("name.givenName"), AttributePaths.parse("name.givenName", null));
  }

  @Test
  void bareAttributePathErrorsUseTheCallersScimType() {
    ScimException asPath =
        assertThrows(
            ScimException.class,
            () -> AttributePaths.parse("emails[type eq \"work\"]", ScimException::invalidPath));
    assertEquals("invalidPath", asPath.scimType());
    assertEquals("unexpected '[' at 6", asPath.detail());
    ScimException asValue =
        assertThrows(
            ScimException.class, () -> AttributePaths.parse("name.", ScimException::invalidValue));
    assertEquals("invalidValue", asValue.scimType());
    assertEquals("expected an attribute name at 5", asValue.detail());
  }

  /** RFC 7644 §3.5.2 Figure 7: PATH = attrPath / valuePath [subAttr]. */
  static Stream<Arguments> patchPaths() {
    return Stream.of(
        Arguments.of("members", new PatchPath(path("members"), null)),
        Arguments.of("name.familyName", new PatchPath(path("name.familyName"), null)),
        Arguments.of(
            "addresses[type eq \"work\"]",
            new PatchPath(path("addresses"), eq("addresses.type", "work"))),
        Arguments.of(
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
            new PatchPath(
                path("members"), eq("members.value", "2819c223-7f76-453a-919d-413861904646"))),
        Arguments.of(
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"].displayName",
            new PatchPath(
                path("members.displayName"),
                eq("members.value", "2819c223-7f76-453a-919d-413861904646"))),
        Arguments.of(
            "emails[type eq \"work\" and value ew \"example.com\"].value",
            new PatchPath(
                path("emails.value"),
                and(eq("emails.type", "work"), cmp("emails.value", EW, "example.com")))),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            new PatchPath(ext("manager.value"), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patchPaths")
  void parsesPatchPaths(String text, PatchPath expected) {
    assertEquals(expected, PatchPath.parse(text));
  }

  static Stream<Arguments> patchPathRejects() {
    return Stream.of(
        Arguments.of("", "empty path at 0"),
        Arguments.of("emails[type eq \"work\"].", "expected an attribute name at 23"),
        Arguments.of("emails[type eq \"work\"]x", "unexpected 'x' at 22"),
        Arguments.of(
            "emails[type eq \"work\"].value.x", "invalid character '.' in attribute name at 28"),
        Arguments.of("emails[type eq]", "expected a string, number, true, false or null at 14"),
        Arguments.of("emails pr", "unexpected ' ' at 6"),
        Arguments.of(
            "name.givenName[type eq \"x\"]",
            "a value filter needs a multi-valued attribute, not a sub-attribute at 14"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("patchPathRejects")
  void rejectsMalformedPatchPathsAsInvalidPath(String text, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> PatchPath.parse(text));
    assertEquals("invalidPath", e.scimType());
    assertEquals(detail, e.detail());
  }
}
