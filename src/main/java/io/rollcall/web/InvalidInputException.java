package io.rollcall.web;

import jakarta.ejb.ApplicationException;

/**
 * Input to the admin services that breaks a rule; the message is safe to show to the admin. An
 * application exception, so it reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
