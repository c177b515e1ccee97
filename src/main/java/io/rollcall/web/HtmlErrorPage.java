package io.rollcall.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the admin console: a short HTML page in the console's style that says what
 * happened and where to go next. It never shows exception text; a 500 shows only the correlation id
 * that is also in the server log.
 */
final class HtmlErrorPage {

  private HtmlErrorPage() {}

  /** A form posted to a view the server no longer holds (session ended, or server restarted). */
  static boolean isExpiredView(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  static void write(
      HttpServletResponse response,
      int status,
      String contextPath,
      Throwable failure,
      String correlationId) {
    String console = escape(contextPath) + "/console/";
    String title;
    String explanation;
    switch (status) {
      case 400 -> {
        title = "This page has expired";
        explanation =
            isExpiredView(failure)
                ? "The form belonged to a page the server no longer remembers, usually because"
                    + " the session ended. Nothing was changed. Open the page again and retry."
                : "The request could not be understood. Nothing was changed.";
      }
      case 403 -> {
        title = "This form was refused";
        explanation =
            "It did not carry the console's security token, so it may not have come from this"
                + " console, or it was opened before you last signed in. Nothing was changed."
                + " Reload the page and try again.";
      }
      case 404 -> {
        title = "Nothing here";
        explanation = "There is no such page or tenant. The link may be mistyped or out of date.";
      }
      case 405 -> {
        title = "Not possible here";
        explanation = "This page cannot be used that way.";
      }
      default -> {
        title = status >= 500 ? "Something went wrong" : "The request failed";
        explanation =
            status >= 500
                ? "Rollcall could not complete this request. Nothing you did caused it; please try"
                    + " again. If it keeps happening, give your operator this reference: "
                    + escape(correlationId)
                    + "."
                : "Nothing was changed.";
      }
    }
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + title
            + " · Rollcall console</title>"
            + "<link rel=\"stylesheet\" href=\""
            + console
            + "assets/console.css\"></head><body>"
            + "<header class=\"topbar\"><div class=\"topbar-inner\">"
            + "<a class=\"brand\" href=\""
            + console
            + "\">Rollcall</a></div></header>"
            + "<main id=\"main\" class=\"page narrow\"><section class=\"card error-card\">"
            + "<p class=\"eyebrow\">Error "
            + status
            + "</p><h1>"
            + title
            + "</h1><p>"
            + explanation
            + "</p><p class=\"actions\"><a class=\"button primary\" href=\""
            + console
            + "tenants.xhtml\">Go to tenants</a> <a class=\"button\" href=\""
            + console
            + "login.xhtml\">Sign in</a></p></section></main></body></html>\n";
    try {
      response.setStatus(status);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write(html);
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
