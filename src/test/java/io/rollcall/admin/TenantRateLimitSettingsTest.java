package io.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.tenant.ScimRateLimit;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCIM rate limit members of {@code PATCH /api/admin/tenants/{id}}: each body, read as the
 * resource reads it, against the tenant's current limit, gives the new limit or a 400 whose message
 * says what is wrong.
 */
class TenantRateLimitSettingsTest {

  private static final ScimRateLimit CUSTOM_5_20 = ScimRateLimit.custom(5, 20);

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(ScimRateLimit.DEFAULT, "{}", ScimRateLimit.DEFAULT),
        Arguments.of(CUSTOM_5_20, "{\"name\":\"Acme\"}", CUSTOM_5_20),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRateLimit\":\"custom\",\"scimRequestsPerSecond\":5,\"scimBurst\":20}",
            CUSTOM_5_20),
        Arguments.of(
            ScimRateLimit.DEFAULT, "{\"scimRequestsPerSecond\":5,\"scimBurst\":20}", CUSTOM_5_20),
        Arguments.of(CUSTOM_5_20, "{\"scimBurst\":50}", ScimRateLimit.custom(5, 50)),
        Arguments.of(CUSTOM_5_20, "{\"scimRequestsPerSecond\":7}", ScimRateLimit.custom(7, 20)),
        Arguments.of(CUSTOM_5_20, "{\"scimRateLimit\":\"unlimited\"}", ScimRateLimit.UNLIMITED),
        Arguments.of(CUSTOM_5_20, "{\"scimRateLimit\":\"default\"}", ScimRateLimit.DEFAULT),
        Arguments.of(
            ScimRateLimit.UNLIMITED, "{\"scimRateLimit\":\"Default\"}", ScimRateLimit.DEFAULT),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRequestsPerSecond\":10000,\"scimBurst\":100000}",
            ScimRateLimit.custom(10_000, 100_000)),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRequestsPerSecond\":1,\"scimBurst\":1}",
            ScimRateLimit.custom(1, 1)),
        Arguments.of(
            ScimRateLimit.DEFAULT, "{\"scimRequestsPerSecond\":5.0,\"scimBurst\":20}", CUSTOM_5_20),
        Arguments.of(CUSTOM_5_20, "{\"scimRequestsPerSecond\":null}", CUSTOM_5_20));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("accepted")
  void acceptedChanges(ScimRateLimit current, String body, ScimRateLimit expected) {
    assertEquals(expected, apply(current, body));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRateLimit\":\"custom\"}",
            "a custom SCIM rate limit needs both scimRequestsPerSecond and scimBurst"),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRequestsPerSecond\":5}",
            "a custom SCIM rate limit needs both scimRequestsPerSecond and scimBurst"),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRateLimit\":\"none\"}",
            "scimRateLimit must be \"default\", \"custom\" or \"unlimited\""),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRateLimit\":\"\"}",
            "scimRateLimit must be \"default\", \"custom\" or \"unlimited\""),
        Arguments.of(
            ScimRateLimit.DEFAULT, "{\"scimRateLimit\":false}", "scimRateLimit must be a string"),
        Arguments.of(
            ScimRateLimit.DEFAULT,
            "{\"scimRateLimit\":\"unlimited\",\"scimBurst\":5}",
            "scimRequestsPerSecond and scimBurst go only with scimRateLimit \"custom\""),
        Arguments.of(
            CUSTOM_5_20,
            "{\"scimRequestsPerSecond\":0}",
            "scimRequestsPerSecond must be between 1 and 10000"),
        Arguments.of(
            CUSTOM_5_20,
            "{\"scimRequestsPerSecond\":10001}",
            "scimRequestsPerSecond must be between 1 and 10000"),
        Arguments.of(CUSTOM_5_20, "{\"scimBurst\":-1}", "scimBurst must be between 1 and 100000"),
        Arguments.of(
            CUSTOM_5_20, "{\"scimBurst\":100001}", "scimBurst must be between 1 and 100000"),
        Arguments.of(CUSTOM_5_20, "{\"scimBurst\":2.5}", "scimBurst must be a whole number"),
        Arguments.of(CUSTOM_5_20, "{\"scimBurst\":\"20\"}", "scimBurst must be a whole number"),
        Arguments.of(
            CUSTOM_5_20,
            "{\"scimRequestsPerSecond\":1e12}",
            "scimRequestsPerSecond must be a whole number"),
        Arguments.of(
            CUSTOM_5_20, "{\"scimRateLimits\":\"custom\"}", "unknown setting \"scimRateLimits\""));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("refused")
  void refusedChanges(ScimRateLimit current, String body, String message) {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> apply(current, body));
    assertEquals(
        true,
        refused.getMessage().startsWith(message),
        () -> "expected \"" + message + "\", got \"" + refused.getMessage() + "\"");
  }

  /** What {@code TenantService.change} does with the rate limit part of the body. */
  @SuppressWarnings("unchecked")
  private static ScimRateLimit apply(ScimRateLimit current, String body) {
    Map<String, Object> json;
    try (var jsonb = JsonbBuilder.create()) {
      json = jsonb.fromJson(body, Map.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    TenantService.TenantChange change = AdminJson.tenantChange(json);
    return current.changedTo(
        change.scimRateLimit(), change.scimRequestsPerSecond(), change.scimBurst());
  }
}
