package io.rollcall.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (see web.xml): whatever goes wrong outside JAX-RS — an unmapped path,
 * a rejected request, an exception in a filter — the client still gets JSON, never HTML or a stack
 * trace. Under {@code /scim} the body is the SCIM error of RFC 7644 §3.12. Under {@code /console/},
 * where a person reads the answer in a browser, it is a plain HTML page.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (HtmlErrorPage.isExpiredView(failure)) {
      status = 400;
    }
    String message = messageFor(status);
    String correlationId = null;
    if (status >= 500) {
      correlationId = UUID.randomUUID().toString();
      LOG.log(Level.WARNING, "Unexpected failure " + correlationId + " on " + path, failure);
      message = message + " (correlation id " + correlationId + ")";
      response.setHeader("X-Correlation-Id", correlationId);
    }
    if (path.startsWith(request.getContextPath() + "/console/")) {
      HtmlErrorPage.write(response, status, request.getContextPath(), failure, correlationId);
    } else if (path.startsWith(request.getContextPath() + "/scim")) {
      JsonErrors.write(
          response, status, JsonErrors.SCIM_MEDIA_TYPE, JsonErrors.scimBody(status, null, message));
    } else {
      JsonErrors.write(response, status, "application/json", JsonErrors.apiBody(status, message));
    }
  }

  private static String messageFor(int status) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 401 -> "Authentication is required.";
      case 403 -> "Not allowed.";
      case 404 -> "No such resource.";
      case 405 -> "Method not allowed.";
      case 413 -> "The request body is too large.";
      case 415 -> "Unsupported content type.";
      default -> status >= 500 ? "Internal server error." : "The request failed.";
    };
  }
}
