package io.rollcall.users;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Evaluates a tenant's rules for everyone after the rules change: in the background, in batches of
 * their own short transactions, so SCIM traffic is never blocked for long.
 */
@Stateless
public class PermissionRecalculation {

  private static final Logger LOG = Logger.getLogger(PermissionRecalculation.class.getName());

  @Inject UserLifecycle lifecycle;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void recalculate(String tenantId) {
    String after = "";
    int changed = 0;
    while (after != null) {
      UserLifecycle.Batch batch = lifecycle.recomputePermissions(tenantId, after);
      changed += batch.changed();
      after = batch.lastId();
    }
    LOG.info(
        "Permission rules of tenant "
            + tenantId
            + " re-evaluated; "
            + changed
            + " user(s) changed groups");
  }
}
