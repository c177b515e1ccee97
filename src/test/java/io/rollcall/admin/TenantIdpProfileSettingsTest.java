package io.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.web.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code idpProfile} member of {@code PATCH /api/admin/tenants/{id}}, as the resource reads it.
 */
class TenantIdpProfileSettingsTest {

  @Test
  void theProfileIsASetting() {
    assertEquals("okta", AdminJson.tenantChange(Map.of("idpProfile", "okta")).idpProfile());
    assertNull(AdminJson.tenantChange(Map.of("name", "Acme")).idpProfile());
    Map<String, Object> explicitNull = new HashMap<>();
    explicitNull.put("idpProfile", null);
    assertNull(AdminJson.tenantChange(explicitNull).idpProfile());
  }

  @Test
  void aProfileThatIsNoStringIs400() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> AdminJson.tenantChange(Map.of("idpProfile", Boolean.TRUE)));
    assertEquals("idpProfile must be a string", e.getMessage());
  }

  @Test
  void aMisspelledSettingIs400() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> AdminJson.tenantChange(Map.of("idp", "okta")));
    assertEquals(true, e.getMessage().startsWith("unknown setting \"idp\""), e.getMessage());
  }
}
