package io.rollcall.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes sure the session cookie carries {@code SameSite=Strict}. web.xml asks for it through the
 * Servlet 6 cookie attributes, but Payara 6 leaves them out of the session cookie, so the header is
 * completed here right after the container adds it (at session creation and at the id change of a
 * sign-in). A cookie that already has a SameSite attribute is left alone.
 */
final class SessionCookies {

  private SessionCookies() {}

  static void sameSiteStrict(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    String name = request.getServletContext().getSessionCookieConfig().getName();
    String prefix = (name == null ? "JSESSIONID" : name) + "=";
    List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
    boolean changed = false;
    for (int i = 0; i < cookies.size(); i++) {
      String cookie = cookies.get(i);
      if (cookie.startsWith(prefix) && !cookie.toLowerCase(Locale.ROOT).contains("samesite=")) {
        cookies.set(i, cookie + "; SameSite=Strict");
        changed = true;
      }
    }
    if (changed) {
      response.setHeader("Set-Cookie", cookies.get(0));
      for (String cookie : cookies.subList(1, cookies.size())) {
        response.addHeader("Set-Cookie", cookie);
      }
    }
  }
}
