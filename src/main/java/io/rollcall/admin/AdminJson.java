package io.rollcall.admin;

import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Reads admin API bodies that must tell a missing member from an explicit {@code null}. */
final class AdminJson {

  private static final Set<String> TENANT_FIELDS =
      Set.of(
          "name",
          "active",
          "customUserSchema",
          "groupsEnabled",
          "provisioningMode",
          "deletePolicy",
          "eraseDeactivatedAfterDays",
          "scimRateLimit",
          "scimRequestsPerSecond",
          "scimBurst",
          "idpProfile");

  private AdminJson() {}

  static TenantService.TenantChange tenantChange(Map<String, Object> body) {
    for (String key : body.keySet()) {
      if (key == null || !TENANT_FIELDS.contains(key)) {
        throw new InvalidInputException("unknown setting \"" + key + "\"; known: " + TENANT_FIELDS);
      }
    }
    return new TenantService.TenantChange(
        string(body, "name"),
        bool(body, "active"),
        string(body, "customUserSchema"),
        bool(body, "groupsEnabled"),
        string(body, "provisioningMode"),
        string(body, "deletePolicy"),
        body.containsKey("eraseDeactivatedAfterDays"),
        integer(body, "eraseDeactivatedAfterDays"),
        string(body, "scimRateLimit"),
        integer(body, "scimRequestsPerSecond"),
        integer(body, "scimBurst"),
        string(body, "idpProfile"));
  }

  /**
   * The settings a PATCH asks for, as the admin trail shows them: {@code name=Acme, active=false}.
   */
  static String describe(Map<String, Object> body) {
    StringBuilder text = new StringBuilder();
    body.forEach(
        (key, value) -> {
          if (text.length() > 0) {
            text.append(", ");
          }
          String shown = String.valueOf(value);
          text.append(key)
              .append('=')
              .append(shown.length() > 200 ? shown.substring(0, 200) + "…" : shown);
        });
    return text.toString();
  }

  static String string(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidInputException(key + " must be a string");
  }

  static Boolean bool(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new InvalidInputException(key + " must be true or false");
  }

  static Integer integer(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if (d.stripTrailingZeros().scale() <= 0
          && d.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
        return d.intValue();
      }
    }
    throw new InvalidInputException(key + " must be a whole number");
  }
}
