package io.rollcall.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;

/**
 * The secret of a token minted just before this page, shown in this one response. Request scoped on
 * purpose: it is never kept in the view or the session, so a reload or any later request has
 * nothing to show.
 */
@Named
@RequestScoped
public class RevealedSecret {

  @Inject SecretHandover handover;

  private Optional<SecretHandover.Secret> secret;
  private boolean asked;

  private Optional<SecretHandover.Secret> secret() {
    if (secret == null) {
      Map<String, String> params =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
      String key = params.get("shown");
      asked = key != null;
      secret = handover.take(key, params.get("id"));
    }
    return secret;
  }

  public SecretHandover.Secret getValue() {
    return secret().orElse(null);
  }

  /** The page was opened with a secret's key, but the secret is gone (reload, or too late). */
  public boolean isGone() {
    return secret().isEmpty() && asked;
  }
}
