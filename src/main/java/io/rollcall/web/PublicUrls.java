package io.rollcall.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs Rollcall tells people to use. Behind a proxy the server cannot see its public address,
 * so {@code ROLLCALL_PUBLIC_URL} (e.g. {@code https://rollcall.example.com}) wins when set.
 */
@ApplicationScoped
public class PublicUrls {

  @Inject
  @ConfigProperty(name = "rollcall.public-url")
  Optional<String> publicUrl;

  /** The server's root, ending with a slash, from configuration or from the request's base URI. */
  public URI root(URI requestBase) {
    if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
      String configured = publicUrl.get().strip();
      return URI.create(configured.endsWith("/") ? configured : configured + "/");
    }
    // A JAX-RS base URI is the application path (".../api/" or ".../scim/v2/"): cut it off.
    String base = requestBase.toString();
    int api = base.indexOf("/api/");
    int scim = base.indexOf("/scim/v2/");
    int cut = api >= 0 ? api : scim >= 0 ? scim : base.length() - 1;
    return URI.create(base.substring(0, cut + 1));
  }

  /** Whether people reach Rollcall over https, as far as the configured public URL says. */
  public boolean isHttps() {
    return publicUrl.map(u -> u.strip().regionMatches(true, 0, "https://", 0, 8)).orElse(false);
  }

  public String scimBaseUrl(URI requestBase) {
    return root(requestBase) + "scim/v2";
  }
}
