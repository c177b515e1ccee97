package io.rollcall.users;

import jakarta.ejb.ApplicationException;

/**
 * Another account upload of the tenant is running, on this node or another. Uploads of one tenant
 * run one at a time: a full sync departs whoever the running upload has not marked as seen, so a
 * second upload at the same time (a retried HR job, a double submit) would depart live people.
 */
@ApplicationException(rollback = true)
public class UploadInProgressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UploadInProgressException() {
    super("another account upload of this tenant is running; try again when it has finished");
  }
}
