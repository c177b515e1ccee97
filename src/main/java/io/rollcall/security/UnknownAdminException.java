package io.rollcall.security;

import jakarta.ejb.ApplicationException;

/** No admin account has the given name. */
@ApplicationException(rollback = true)
public class UnknownAdminException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownAdminException(String username) {
    super("no admin account named " + (username == null ? "" : username.strip()));
  }
}
