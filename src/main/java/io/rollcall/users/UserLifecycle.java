package io.rollcall.users;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Lifecycle work that runs outside any SCIM request, on behalf of a tenant's policy. */
@Stateless
public class UserLifecycle {

  /** Users erased per transaction, so a large backlog never holds one long transaction. */
  static final int BATCH = 200;

  @Inject UserRepository users;

  /**
   * Erases (without a deprovisioning record) one batch of the tenant's users that were deactivated
   * before the cutoff; returns how many. Call again while it returns {@link #BATCH}.
   */
  public int eraseDeactivatedBefore(String tenantId, Instant cutoff) {
    List<String> ids = users.deactivatedBefore(tenantId, cutoff, BATCH);
    for (String id : ids) {
      users.findForUpdate(tenantId, id)
          .filter(u -> !u.isActive())
          .ifPresent(users::delete);
    }
    return ids.size();
  }

  public static int batchSize() {
    return BATCH;
  }
}
