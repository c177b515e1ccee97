package io.rollcall.tenant;

import jakarta.ejb.ApplicationException;

/** No tenant has the given id. */
@ApplicationException(rollback = true)
public class UnknownTenantException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownTenantException(String id) {
    super("no tenant with id " + id);
  }
}
