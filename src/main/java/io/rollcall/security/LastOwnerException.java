package io.rollcall.security;

import jakarta.ejb.ApplicationException;

/** The change would leave no enabled owner, and so nobody who could manage the admin accounts. */
@ApplicationException(rollback = true)
public class LastOwnerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LastOwnerException() {
    super("this is the last enabled owner: make another account an owner first");
  }
}
