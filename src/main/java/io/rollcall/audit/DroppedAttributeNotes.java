package io.rollcall.audit;

import io.rollcall.protocol.DroppedAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands the names of unknown attributes a request's tenant profile dropped to the {@link
 * AuditFilter}, which writes them with the request's audit entry for the connection check. The
 * names travel as a request attribute, so a bulk request's operations add up in its one entry.
 */
@ApplicationScoped
public class DroppedAttributeNotes {

  @Inject HttpServletRequest request;

  public void note(DroppedAttributes dropped) {
    if (dropped.isEmpty()) {
      return;
    }
    try {
      DroppedAttributes all =
          request.getAttribute(AuditFilter.DROPPED_ATTRIBUTES) instanceof DroppedAttributes noted
              ? noted
              : new DroppedAttributes();
      all.addAll(dropped);
      request.setAttribute(AuditFilter.DROPPED_ATTRIBUTES, all);
    } catch (ContextNotActiveException notAnHttpRequest) {
      // No SCIM request, no audit entry to add them to.
    }
  }
}
