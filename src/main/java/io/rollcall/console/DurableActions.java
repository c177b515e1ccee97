package io.rollcall.console;

import io.rollcall.database.CommitDurability;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * A console action (token minted, tenant disabled, rules saved, …) runs and commits in the Invoke
 * Application phase; the page that reports it is rendered afterwards. This waits for the commit to
 * be durable in between, so the console never shows a result that a crash could take back — a token
 * secret shown once must exist.
 */
public class DurableActions implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.INVOKE_APPLICATION;
  }

  @Override
  public void beforePhase(PhaseEvent event) {}

  @Override
  public void afterPhase(PhaseEvent event) {
    if (event.getFacesContext().isPostback()) {
      CDI.current().select(CommitDurability.class).get().awaitDurable();
    }
  }
}
