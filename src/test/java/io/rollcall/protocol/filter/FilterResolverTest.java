package io.rollcall.protocol.filter;

import static io.rollcall.protocol.filter.Ast.and;
import static io.rollcall.protocol.filter.Ast.cmp;
import static io.rollcall.protocol.filter.Ast.eq;
import static io.rollcall.protocol.filter.Ast.ext;
import static io.rollcall.protocol.filter.Ast.not;
import static io.rollcall.protocol.filter.Ast.num;
import static io.rollcall.protocol.filter.Ast.pr;
import static io.rollcall.protocol.filter.Ast.vp;
import static io.rollcall.protocol.filter.ComparisonOperator.CO;
import static io.rollcall.protocol.filter.ComparisonOperator.GT;
import static io.rollcall.protocol.filter.ComparisonOperator.SW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterResolverTest {

  static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
  static final ResourceTypeDefinition GROUP =
      SchemaRegistry.forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, true)
          .resourceType("Group")
          .orElseThrow();
  static final String CUSTOM = StandardSchemas.DEFAULT_CUSTOM_USER;

  static Stream<Arguments> userFilters() {
    return Stream.of(
        Arguments.of("USERNAME eq \"x\"", eq("userName", "x")),
        Arguments.of("name.FAMILYNAME co \"x\"", cmp("name.familyName", CO, "x")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            cmp("userName", SW, "J")),
        Arguments.of(
            "URN:IETF:params:scim:schemas:extension:enterprise:2.0:user:Department eq \"Finance\"",
            cmp(ext("department"), ComparisonOperator.EQ, "Finance")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.VALUE eq \"26\"",
            cmp(ext("manager.value"), ComparisonOperator.EQ, "26")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"26\"",
            cmp(ext("manager.value"), ComparisonOperator.EQ, "26")),
        Arguments.of(
            CUSTOM + ":customfield3 eq \"a\"",
            cmp(new AttributePath(CUSTOM, "customField3", null), ComparisonOperator.EQ, "a")),
        Arguments.of("ID eq \"x\"", eq("id", "x")),
        Arguments.of("externalid eq \"x\"", eq("externalId", "x")),
        Arguments.of(
            "meta.lastmodified gt \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", GT, "2011-05-13T04:42:34Z")),
        Arguments.of(
            "meta.lastModified gt \"2011-05-13T04:42:34.5+02:00\"",
            cmp("meta.lastModified", GT, "2011-05-13T04:42:34.5+02:00")),
        Arguments.of(
            "urn:ietf:params:scim:schemas:core:2.0:User:meta.created pr", pr("meta.created")),
        Arguments.of("emails co \"example.com\"", cmp("emails.value", CO, "example.com")),
        Arguments.of("emails pr", pr("emails")),
        Arguments.of("name pr", pr("name")),
        Arguments.of(
            "emails[TYPE eq \"work\" and value co \"@example.com\"]",
            vp("emails", and(eq("emails.type", "work"), cmp("emails.value", CO, "@example.com")))),
        Arguments.of(
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            eq("schemas", Ast.ENTERPRISE)),
        Arguments.of("active eq true", eq("active", true)),
        Arguments.of(
            "emails.primary ne false", cmp("emails.primary", ComparisonOperator.NE, false)),
        Arguments.of("x509Certificates.value eq \"TUlJ\"", eq("x509Certificates.value", "TUlJ")),
        Arguments.of(
            "x509Certificates.value co \"TUlJ\"", cmp("x509Certificates.value", CO, "TUlJ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userFilters")
  void resolvesNamesToTheSchemaSpelling(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text, USER));
  }

  /** RFC 7643 §2.5: null is "unassigned", so eq null means absent and ne null means present. */
  @Test
  void eqNullMeansNotPresentAndNeNullMeansPresent() {
    assertEquals(not(pr("title")), FilterParser.parse("title eq null", USER));
    assertEquals(pr("title"), FilterParser.parse("title ne null", USER));
    assertEquals(
        vp("emails", not(pr("emails.type"))), FilterParser.parse("emails[type eq null]", USER));
    assertEquals(not(pr("emails.value")), FilterParser.parse("emails eq null", USER));
  }

  @Test
  void resolvesGroupMembers() {
    assertEquals(
        vp("members", eq("members.value", "123")),
        FilterParser.parse("members[value eq \"123\"]", GROUP));
    assertEquals(pr("members.$ref"), FilterParser.parse("members.$REF pr", GROUP));
  }

  @Test
  void comparesNumbersOnIntegerAndDecimalAttributes() {
    SchemaDefinition schema =
        new SchemaDefinition(
            "urn:example:Thing",
            "Thing",
            "",
            List.of(
                AttributeDefinition.of("count", AttributeType.INTEGER, ""),
                AttributeDefinition.of("ratio", AttributeType.DECIMAL, "")));
    ResourceTypeDefinition thing =
        new ResourceTypeDefinition("Thing", "/Things", "", schema, List.of());
    assertEquals(cmp("count", GT, num("3")), FilterParser.parse("count gt 3", thing));
    assertEquals(
        cmp("ratio", ComparisonOperator.LE, num("0.5")), FilterParser.parse("ratio le 0.5", thing));
    ScimException e =
        assertThrows(ScimException.class, () -> FilterParser.parse("count eq \"3\"", thing));
    assertEquals("'count' expects a number", e.detail());
    e = assertThrows(ScimException.class, () -> FilterParser.parse("count co 3", thing));
    assertEquals("'count' is a number and cannot be compared with co", e.detail());
  }

  static Stream<Arguments> rejects() {
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    return Stream.of(
        Arguments.of("foo eq \"x\"", "unknown attribute 'foo'"),
        Arguments.of("name.foo eq \"x\"", "unknown attribute 'name.foo'"),
        Arguments.of("userName.x eq \"x\"", "unknown attribute 'userName.x'"),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:other:2.0:User:department eq \"x\"",
            "unknown attribute 'urn:ietf:params:scim:schemas:extension:other:2.0:User:department'"),
        Arguments.of(
            enterprise + ":userName eq \"x\"", "unknown attribute '" + enterprise + ":userName'"),
        Arguments.of(enterprise + " pr", "unknown attribute '" + enterprise + "'"),
        Arguments.of("name eq \"x\"", "'name' is complex; compare one of its sub-attributes"),
        Arguments.of(
            "addresses co \"x\"", "'addresses' is complex; compare one of its sub-attributes"),
        Arguments.of("meta gt \"x\"", "'meta' is complex; compare one of its sub-attributes"),
        Arguments.of(
            "userName[value eq \"x\"]",
            "'userName' is not a multi-valued complex attribute; it takes no filter"),
        Arguments.of(
            "name[givenName eq \"x\"]",
            "'name' is not a multi-valued complex attribute; it takes no filter"),
        Arguments.of("emails[foo eq \"x\"]", "unknown attribute 'emails.foo'"),
        Arguments.of("active gt true", "'active' is boolean and cannot be compared with gt"),
        Arguments.of("active sw true", "'active' is boolean and cannot be compared with sw"),
        Arguments.of("active eq \"true\"", "'active' expects true or false"),
        Arguments.of(
            "x509Certificates.value gt \"a\"",
            "'x509Certificates.value' is binary and cannot be compared with gt"),
        Arguments.of(
            "meta.lastModified gt \"yesterday\"",
            "'meta.lastModified' expects a date-time such as \"2011-05-13T04:42:34Z\""),
        Arguments.of(
            "meta.lastModified gt \"2011-05-13T04:42:34\"",
            "'meta.lastModified' expects a date-time such as \"2011-05-13T04:42:34Z\""),
        // Years 1 to 9999 only: what a database timestamp column holds.
        Arguments.of(
            "meta.lastModified gt \"10000-05-13T04:42:34Z\"",
            "'meta.lastModified' expects a date-time such as \"2011-05-13T04:42:34Z\""),
        Arguments.of(
            "meta.lastModified sw \"2011-05-13T04:42:34Z\"",
            "'meta.lastModified' is a date-time and cannot be compared with sw"),
        Arguments.of("userName eq 5", "'userName' expects a string"),
        Arguments.of("userName eq true", "'userName' expects a string"),
        Arguments.of("userName gt null", "'gt null' is not supported; use eq, ne or pr"),
        Arguments.of("members pr", "unknown attribute 'members'"),
        // Refused here, not only by the database, so permission rules refuse them too.
        Arguments.of("password eq \"x\"", "attribute 'password' cannot be used in a filter"),
        Arguments.of("password pr", "attribute 'password' cannot be used in a filter"),
        Arguments.of(
            "meta.version eq \"W/\\\"1\\\"\"",
            "attribute 'meta.version' cannot be used in a filter"),
        Arguments.of("meta.location pr", "attribute 'meta.location' cannot be used in a filter"),
        Arguments.of("schemas co \"enterprise\"", "schemas can only be compared with eq or ne"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void rejectsUnsupportedAttributeAndComparisonCombinations(String text, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(text, USER));
    assertEquals("invalidFilter", e.scimType());
    assertEquals(detail, e.detail());
  }

  @Test
  void rejectsInnerPathsOfAnotherAttributeInProgrammaticValueFilters() {
    Filter filter = new Filter.ValuePath(AttributePath.of("emails"), eq("ims.type", "work"));
    ScimException e = assertThrows(ScimException.class, () -> FilterResolver.resolve(filter, USER));
    assertEquals("'ims.type' is not a sub-attribute of 'emails'", e.detail());
  }

  @Test
  void rejectsNestedValueFiltersBuiltProgrammatically() {
    Filter filter =
        new Filter.ValuePath(
            AttributePath.of("emails"),
            new Filter.ValuePath(AttributePath.of("ims"), pr("ims.type")));
    ScimException e = assertThrows(ScimException.class, () -> FilterResolver.resolve(filter, USER));
    assertEquals("value filters cannot be nested in 'emails'", e.detail());
  }

  @Test
  void resolutionErrorsUseTheCallersScimType() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                FilterResolver.resolve(
                    FilterParser.parse("foo pr"), USER, ScimException::invalidPath));
    assertEquals("invalidPath", e.scimType());
  }

  @Test
  void resolvesBareAttributePathsForSortingAndProjection() {
    ResolvedPath manager =
        AttributePaths.resolve(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:MANAGER.value",
            USER,
            ScimException::invalidValue);
    assertEquals(ext("manager.value"), manager.path());
    assertEquals("manager", manager.attribute().name());
    assertEquals("value", manager.target().name());
    ResolvedPath schemas = AttributePaths.resolve("schemas", USER, ScimException::invalidValue);
    assertSame(CommonAttributes.SCHEMAS, schemas.target());
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> AttributePaths.resolve("name.nope", USER, ScimException::invalidValue));
    assertEquals("invalidValue", e.scimType());
    assertEquals("unknown attribute 'name.nope'", e.detail());
  }
}
