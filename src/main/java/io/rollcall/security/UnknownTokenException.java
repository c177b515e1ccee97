package io.rollcall.security;

import jakarta.ejb.ApplicationException;

/** No token with the given id belongs to the tenant. */
@ApplicationException(rollback = true)
public class UnknownTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownTokenException(String id) {
    super("no token with id " + id);
  }
}
