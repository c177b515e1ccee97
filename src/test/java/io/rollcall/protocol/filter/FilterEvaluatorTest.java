package io.rollcall.protocol.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterEvaluatorTest {

  static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
  static final String ENTERPRISE = Ast.ENTERPRISE;

  static Map<String, Object> bjensen() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE));
    user.put("id", "2819c223-7f76-453a-919d-413861904646");
    user.put("externalId", "bjensen");
    user.put("userName", "bjensen");
    user.put("name", Map.of("familyName", "Jensen", "givenName", "Barbara"));
    user.put("title", "");
    user.put("active", true);
    user.put(
        "emails",
        List.of(
            Map.of("value", "bjensen@example.com", "type", "work", "primary", true),
            Map.of("value", "babs@jensen.org", "type", "home")));
    user.put(
        "meta", Map.of("created", "2010-01-23T04:56:22Z", "lastModified", "2011-05-13T04:42:34Z"));
    user.put(
        ENTERPRISE,
        Map.of(
            "department",
            "Finance",
            "manager",
            Map.of("value", "26118915-6090-4610-87e4-49d8ca9f808d")));
    return user;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("userName eq \"BJENSEN\"", true),
        Arguments.of("externalId eq \"BJENSEN\"", false),
        Arguments.of("externalId eq \"bjensen\"", true),
        Arguments.of("name.familyName co \"ENS\"", true),
        Arguments.of("name.familyName sw \"jen\"", true),
        Arguments.of("name.familyName ew \"SEN\"", true),
        Arguments.of("name.familyName ew \"jen\"", false),
        Arguments.of("userName gt \"A\"", true),
        Arguments.of("userName lt \"a\"", false),
        Arguments.of("userName ge \"BJENSEN\"", true),
        Arguments.of("userName le \"bjensen\"", true),
        Arguments.of("emails.value ew \"jensen.org\"", true),
        Arguments.of("emails co \"example.com\"", true),
        Arguments.of("emails[type eq \"work\" and value co \"jensen.org\"]", false),
        Arguments.of("emails.type eq \"work\" and emails.value co \"jensen.org\"", true),
        Arguments.of("emails[type eq \"home\" and value co \"jensen.org\"]", true),
        Arguments.of("emails[type eq \"work\" and primary eq true]", true),
        Arguments.of("emails[type eq \"home\" and primary eq true]", false),
        Arguments.of("active eq true", true),
        Arguments.of("active ne true", false),
        Arguments.of("active eq false", false),
        Arguments.of("title pr", false),
        Arguments.of("nickName pr", false),
        Arguments.of("name pr", true),
        Arguments.of("emails pr", true),
        Arguments.of("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true),
        Arguments.of("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"", true),
        Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"", false),
        Arguments.of("meta.lastModified le \"2011-05-13T04:42:34.000Z\"", true),
        Arguments.of(ENTERPRISE + ":department eq \"finance\"", true),
        Arguments.of(ENTERPRISE + ":manager eq \"26118915-6090-4610-87E4-49D8CA9F808D\"", false),
        Arguments.of(ENTERPRISE + ":manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true),
        Arguments.of(ENTERPRISE + ":employeeNumber pr", false),
        Arguments.of("nickName eq \"x\"", false),
        Arguments.of("not (nickName eq \"x\")", true),
        Arguments.of("emails.value ne \"bjensen@example.com\"", true),
        Arguments.of("title eq null", true),
        Arguments.of("userName ne null", true),
        Arguments.of("schemas eq \"" + ENTERPRISE + "\"", true),
        Arguments.of("userName eq \"bjensen\" and nickName pr", false),
        Arguments.of("userName eq \"x\" or name.givenName eq \"barbara\"", true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void evaluatesFiltersAgainstACanonicalResource(String text, boolean expected) {
    assertEquals(
        expected, FilterEvaluator.matches(FilterParser.parse(text, USER), bjensen(), USER));
  }

  /** RFC 7644 §3.4.2.2 is silent; an unassigned attribute is "not equal" to any value. */
  @Test
  void neOnAnUnassignedAttributeMatches() {
    assertTrue(matches("nickName ne \"Babs\""));
    assertTrue(matches("phoneNumbers.value ne \"555\""));
  }

  /**
   * Strings order by code point (RFC 7643 §2.3.1 strings are Unicode characters), as the database
   * does: U+1F600 sorts after U+FB00 although its first UTF-16 unit, U+D83D, sorts before.
   */
  @Test
  void stringsOrderByCodePointNotByUtf16Unit() {
    Map<String, Object> user = bjensen();
    user.put("title", "\uFB00");
    assertTrue(FilterEvaluator.matches(FilterParser.parse("title lt \"😀\"", USER), user, USER));
    assertFalse(FilterEvaluator.matches(FilterParser.parse("title gt \"😀\"", USER), user, USER));
    assertTrue(FilterEvaluator.compareCodePoints("a", "a😀") < 0);
    assertEquals(0, FilterEvaluator.compareCodePoints("😀", "😀"));
  }

  @Test
  void neOnMultiValuedAttributeMatchesWhenAnyValueDiffers() {
    assertTrue(matches("emails.type ne \"work\""));
    Map<String, Object> single = bjensen();
    single.put("emails", List.of(Map.of("value", "a@b.c", "type", "work")));
    assertFalse(
        FilterEvaluator.matches(FilterParser.parse("emails.type ne \"work\"", USER), single, USER));
  }

  @Test
  void storedValuesOfTheWrongTypeNeverMatch() {
    Map<String, Object> odd = bjensen();
    odd.put("active", "true");
    odd.put("userName", List.of(Map.of("x", "y")));
    assertFalse(FilterEvaluator.matches(FilterParser.parse("active eq true", USER), odd, USER));
    assertFalse(FilterEvaluator.matches(FilterParser.parse("userName sw \"b\"", USER), odd, USER));
  }

  @Test
  void comparesNumbersNumerically() {
    SchemaDefinition schema =
        new SchemaDefinition(
            "urn:example:Thing",
            "Thing",
            "",
            List.of(AttributeDefinition.of("count", AttributeType.INTEGER, "")));
    ResourceTypeDefinition thing =
        new ResourceTypeDefinition("Thing", "/Things", "", schema, List.of());
    Map<String, Object> resource = Map.of("count", new BigDecimal("3"));
    assertTrue(
        FilterEvaluator.matches(FilterParser.parse("count eq 3.00", thing), resource, thing));
    assertTrue(FilterEvaluator.matches(FilterParser.parse("count gt 2.5", thing), resource, thing));
    assertFalse(FilterEvaluator.matches(FilterParser.parse("count lt 3", thing), resource, thing));
    assertTrue(
        FilterEvaluator.matches(
            FilterParser.parse("count ge 3", thing), Map.of("count", 3L), thing));
  }

  @Test
  void testsOneElementOfAMultiValuedAttribute() {
    Filter.ValuePath path =
        (Filter.ValuePath)
            FilterParser.parse("emails[type eq \"WORK\" and value co \"@example\"]", USER);
    assertTrue(
        FilterEvaluator.matchesElement(
            path.filter(), Map.of("type", "work", "value", "a@example.com"), USER));
    assertFalse(
        FilterEvaluator.matchesElement(
            path.filter(), Map.of("type", "home", "value", "a@example.com"), USER));
    assertFalse(FilterEvaluator.matchesElement(path.filter(), "not an object", USER));
  }

  private static boolean matches(String text) {
    return FilterEvaluator.matches(FilterParser.parse(text, USER), bjensen(), USER);
  }
}
