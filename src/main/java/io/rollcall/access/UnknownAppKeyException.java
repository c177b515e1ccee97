package io.rollcall.access;

import jakarta.ejb.ApplicationException;

/** No application key has the given id. */
@ApplicationException(rollback = true)
public class UnknownAppKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownAppKeyException(String id) {
    super("no application key with id " + id);
  }
}
