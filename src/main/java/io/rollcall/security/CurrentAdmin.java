package io.rollcall.security;

import io.rollcall.web.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The admin of the current admin API or console request, as the authentication mechanism left it on
 * the request: never taken from anything the client sent.
 */
@RequestScoped
public class CurrentAdmin {

  @Inject HttpServletRequest request;

  public Optional<AdminCaller> caller() {
    return AdminCaller.of(request);
  }

  /** The id the request was given for logs ({@link RequestIds}). */
  public String requestId() {
    return RequestIds.of(request);
  }

  /** The caller, for the actions that only make sense for a signed-in admin. */
  public AdminCaller required() {
    return caller()
        .orElseThrow(() -> new IllegalStateException("no authenticated admin on this request"));
  }
}
