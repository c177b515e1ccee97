package io.rollcall.security;

import io.rollcall.web.PublicUrls;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the console's session cookie {@code Secure} when the public URL is https. Behind a proxy
 * that ends TLS the server itself only sees plain http, so the container would not add the flag on
 * its own; the configured public URL is what says browsers reach Rollcall over https.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

  @Inject PublicUrls publicUrls;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (publicUrls.isHttps()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
