package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScimExceptionTest {

  @Test
  void theAuditCodeIsTheScimTypeUnlessAFinerOneIsGiven() {
    ScimException plain = ScimException.invalidValue("bad");
    assertEquals("invalidValue", plain.auditCode());

    ScimException finer = plain.withAuditCode(ScimException.NO_ACCOUNT);
    assertEquals("no_account", finer.auditCode());
    assertEquals(400, finer.status());
    assertEquals("invalidValue", finer.scimType(), "the client still gets the RFC's scimType");
    assertEquals("bad", finer.detail());
  }
}
