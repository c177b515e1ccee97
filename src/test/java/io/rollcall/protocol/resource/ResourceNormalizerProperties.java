package io.rollcall.protocol.resource;

import static io.rollcall.protocol.resource.TestSchemas.CUSTOM;
import static io.rollcall.protocol.resource.TestSchemas.ENTERPRISE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.protocol.ScimException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever JSON a client sends, the normalizer answers with a canonical resource or a 400: never
 * another exception, which would surface as a 500.
 */
class ResourceNormalizerProperties {

  private static final ResourceNormalizer USERS = new ResourceNormalizer(TestSchemas.USER);
  private static final ResourceNormalizer GROUPS = new ResourceNormalizer(TestSchemas.GROUP);
  private static final ResourceNormalizer THINGS = new ResourceNormalizer(TestSchemas.THING_TYPE);

  /** Names the schemas know, in odd cases, so that generated input reaches deep validation. */
  private static final String[] KNOWN_NAMES = {
    "schemas",
    "userName",
    "USERNAME",
    "name",
    "givenName",
    "emails",
    "value",
    "primary",
    "type",
    "active",
    "password",
    "id",
    "meta",
    "groups",
    "members",
    "display",
    "displayName",
    "$ref",
    "x509Certificates",
    "addresses",
    "manager",
    "department",
    "customField1",
    "label",
    "count",
    "ratio",
    "since",
    "blob",
    "codes",
    "badge",
    "number",
    ENTERPRISE,
    ENTERPRISE + ":manager",
    ENTERPRISE + ":manager.value",
    CUSTOM,
    CUSTOM + ":customField2",
    TestSchemas.THING_EXTRA
  };

  @Property(tries = 2000)
  void userInputYieldsCanonicalFormOrBadRequest(@ForAll("resources") Map<String, Object> input) {
    check(USERS, input);
  }

  /** Known names only and a userName, so that a good share of inputs is accepted. */
  @Property(tries = 2000)
  void plausibleUserInputYieldsCanonicalFormOrBadRequest(
      @ForAll("plausibleUsers") Map<String, Object> input) {
    check(USERS, input);
  }

  @Property(tries = 500)
  void groupInputYieldsCanonicalFormOrBadRequest(@ForAll("resources") Map<String, Object> input) {
    check(GROUPS, input);
  }

  @Property(tries = 500)
  void thingInputYieldsCanonicalFormOrBadRequest(@ForAll("resources") Map<String, Object> input) {
    check(THINGS, input);
  }

  /** Success also means a fixed point: normalizing the canonical form changes nothing. */
  private static void check(ResourceNormalizer normalizer, Map<String, Object> input) {
    Map<String, Object> canonical;
    try {
      canonical = normalizer.normalize(input);
    } catch (ScimException e) {
      Statistics.label("outcome").collect(e.scimType());
      assertEquals(400, e.status(), e.detail());
      return;
    }
    Statistics.label("outcome").collect("canonical");
    assertEquals(canonical, normalizer.normalize(canonical));
  }

  @Provide
  Arbitrary<Map<String, Object>> resources() {
    return maps(3);
  }

  @Provide
  Arbitrary<Map<String, Object>> plausibleUsers() {
    return Arbitraries.maps(Arbitraries.of(KNOWN_NAMES), values(3, true))
        .ofMaxSize(6)
        .map(
            generated -> {
              Map<String, Object> input = new HashMap<>(generated);
              input.keySet().removeIf(key -> key.equalsIgnoreCase("userName"));
              input.put("userName", "bjensen@example.com");
              return input;
            });
  }

  private static Arbitrary<Map<String, Object>> maps(int depth) {
    return maps(depth, false);
  }

  private static Arbitrary<Map<String, Object>> maps(int depth, boolean knownOnly) {
    return Arbitraries.maps(keys(knownOnly), values(depth, knownOnly)).ofMaxSize(6);
  }

  private static Arbitrary<String> keys(boolean knownOnly) {
    if (knownOnly) {
      return Arbitraries.of(KNOWN_NAMES);
    }
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(KNOWN_NAMES)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
  }

  private static Arbitrary<Object> values(int depth, boolean knownOnly) {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(16).map(Object.class::cast),
                Arbitraries.of(
                        "true",
                        "False",
                        "",
                        " ",
                        "2008-01-23T04:56:22Z",
                        "aGVsbG8=",
                        "b@example.com",
                        ENTERPRISE,
                        TestSchemas.CORE_USER)
                    .map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.bigDecimals()
                    .between(new BigDecimal("-1e30"), new BigDecimal("1e30"))
                    .ofScale(3)
                    .map(Object.class::cast),
                Arbitraries.of(
                        new BigDecimal("1e999999999"),
                        new BigDecimal("1e-999999999"),
                        new BigDecimal("9223372036854775808"),
                        BigDecimal.ZERO)
                    .map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0d, 1.5d)
                    .map(Object.class::cast),
                Arbitraries.of('c', new Object()).map(Object.class::cast))
            .injectNull(0.1);
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> lists =
        values(depth - 1, knownOnly).list().ofMaxSize(4).map(Object.class::cast);
    Arbitrary<Object> objects = maps(depth - 1, knownOnly).map(Object.class::cast);
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, lists), Tuple.of(2, objects));
  }
}
