package io.rollcall.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The URL people reach Rollcall at: scheme, host, port and any path prefix a proxy puts in front,
 * always ending with a slash ({@code https://idp.example.com/rollcall/}). Every URL Rollcall hands
 * out is this root followed by the path under the application's context root.
 */
public record PublicRoot(URI uri) {

  public PublicRoot {
    String scheme = uri.getScheme();
    if (!uri.isAbsolute()
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || uri.getRawAuthority() == null
        || uri.getHost() == null) {
      throw new IllegalArgumentException("must be an absolute http or https URL: " + uri);
    }
    // Credentials, a query or a fragment would be copied into every Location header.
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must not carry credentials, a query or a fragment");
    }
    if (!uri.getRawPath().endsWith("/")) {
      throw new IllegalArgumentException("must end with a slash: " + uri);
    }
  }

  /**
   * Reads a configured public URL such as {@code https://rollcall.example.com} or {@code
   * https://idp.example.com/rollcall}; the trailing slash is optional.
   */
  public static PublicRoot parse(String text) {
    String s = text == null ? "" : text.strip();
    URI parsed;
    try {
      parsed = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + s, e);
    }
    String path = parsed.getRawPath();
    if (path != null
        && !path.endsWith("/")
        && parsed.getRawQuery() == null
        && parsed.getRawFragment() == null) {
      parsed = URI.create(s + "/");
    }
    return new PublicRoot(parsed);
  }

  public boolean isHttps() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  /**
   * {@code internal}, a URL the server sees under {@code internalRoot} (its context root as the
   * request reached it), moved under this root. Path, query and fragment stay exactly as sent,
   * still percent-encoded. A URL outside {@code internalRoot} comes back unchanged.
   */
  public URI rebase(URI internalRoot, URI internal) {
    String rootPath = internalRoot.getRawPath();
    String path = internal.getRawPath();
    if (rootPath == null || path == null || !path.startsWith(rootPath)) {
      return internal;
    }
    String query = internal.getRawQuery();
    String fragment = internal.getRawFragment();
    return URI.create(
        uri.toString()
            + path.substring(rootPath.length())
            + (query == null ? "" : "?" + query)
            + (fragment == null ? "" : "#" + fragment));
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
