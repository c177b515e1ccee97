package io.rollcall.users;

import io.rollcall.permissions.RulesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts the re-evaluation once the transaction that replaced the rules has committed. */
@ApplicationScoped
public class RulesChangedListener {

  @Inject PermissionRecalculation recalculation;

  void onRulesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged change) {
    recalculation.recalculate(change.tenantId());
  }
}
