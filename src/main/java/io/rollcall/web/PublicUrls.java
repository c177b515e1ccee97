package io.rollcall.web;

import io.rollcall.network.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs Rollcall tells people to use. Behind a proxy the server cannot see its public address,
 * so {@code rollcall.public-url} ({@code ROLLCALL_PUBLIC_URL}, e.g. {@code
 * https://rollcall.example.com}) wins when set; otherwise a proxy listed in {@code
 * rollcall.trusted-proxies} may say it with {@link ForwardedHeaders}; otherwise the request's own
 * URL is used. One rule for the JAX-RS APIs ({@link PublicRequestUris}) and the console.
 */
@ApplicationScoped
public class PublicUrls {

  @Inject
  @ConfigProperty(name = "rollcall.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = TrustedProxies.SETTING)
  Optional<String> trustedSetting;

  private Optional<PublicRoot> configured = Optional.empty();
  private TrustedProxies trusted = TrustedProxies.none();

  /**
   * A bad public URL stops the start (the session-cookie listener asks for this bean while the
   * application deploys): every Location header would be wrong otherwise.
   */
  @PostConstruct
  void configure() {
    configured = configured(publicUrl);
    trusted = TrustedProxies.fromSetting(trustedSetting);
  }

  static Optional<PublicRoot> configured(Optional<String> setting) {
    if (setting.isEmpty() || setting.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PublicRoot.parse(setting.get()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("rollcall.public-url: " + e.getMessage(), e);
    }
  }

  /**
   * The public root for a request that reached the server at {@code internalRoot} (its context
   * root, ending with a slash) from the connection peer {@code peer}.
   */
  public URI root(URI internalRoot, String peer, Function<String, List<String>> headers) {
    return root(configured, trusted, internalRoot, peer, headers);
  }

  /** The public root for a request the servlet container hands over, such as a console page's. */
  public URI root(HttpServletRequest request) {
    return root(internalRoot(request), request.getRemoteAddr(), headers(request));
  }

  /**
   * Where a redirect should send the browser: a path inside the application becomes an absolute URL
   * under the public root. Left to itself the container completes a path with the scheme and host
   * it saw, which behind a proxy ending TLS sends the browser to plain http.
   */
  public String redirect(HttpServletRequest request, String location) {
    URI internalRoot = internalRoot(request);
    URI publicRoot = root(internalRoot, request.getRemoteAddr(), headers(request));
    URI requestUrl;
    try {
      requestUrl = new URI(request.getRequestURL().toString());
    } catch (URISyntaxException e) {
      // A path with characters a URI may not hold: the redirect itself is still fine as it is.
      return location;
    }
    return redirect(internalRoot, publicRoot, requestUrl, location);
  }

  /**
   * {@code location} resolved against {@code requestUrl} and moved under {@code publicRoot}; a
   * location that already names a host, or lies outside the application, is left as it is.
   */
  static String redirect(URI internalRoot, URI publicRoot, URI requestUrl, String location) {
    if (publicRoot.equals(internalRoot)) {
      return location;
    }
    URI target;
    try {
      target = new URI(location);
    } catch (URISyntaxException e) {
      return location;
    }
    if (target.isAbsolute() || target.getRawAuthority() != null) {
      return location;
    }
    URI resolved = requestUrl.resolve(target);
    URI moved = new PublicRoot(publicRoot).rebase(internalRoot, resolved);
    return moved.equals(resolved) ? location : moved.toString();
  }

  /**
   * Scheme, host and port as the container saw them, and the context path. Only the origin is taken
   * from the request URL: its path is whatever the client sent and need not be a valid URI.
   */
  private static URI internalRoot(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    String path = request.getRequestURI();
    String origin = url.endsWith(path) ? url.substring(0, url.length() - path.length()) : url;
    return URI.create(origin + request.getContextPath() + "/");
  }

  private static Function<String, List<String>> headers(HttpServletRequest request) {
    return name -> Collections.list(request.getHeaders(name));
  }

  /**
   * The rule itself. Forwarded headers are read only from a trusted peer: anyone else could be the
   * client, pointing the Location of its own resources, or a setup guide, at a host of its choice.
   */
  static URI root(
      Optional<PublicRoot> configured,
      TrustedProxies trusted,
      URI internalRoot,
      String peer,
      Function<String, List<String>> headers) {
    if (configured.isPresent()) {
      return configured.get().uri();
    }
    if (trusted.trusts(peer)) {
      ForwardedHeaders forwarded = ForwardedHeaders.read(headers);
      // A Host the JDK cannot read as a server name leaves nothing to put a forwarded port on.
      if (!forwarded.isEmpty()
          && (forwarded.host().isPresent() || internalRoot.getHost() != null)) {
        return forwarded.applyTo(internalRoot).uri();
      }
    }
    return internalRoot;
  }

  /**
   * Whether people reach Rollcall over https, as far as the configured public URL says. Forwarded
   * headers cannot tell: the session cookie's flags are fixed when the application starts.
   */
  public boolean isHttps() {
    return configured.map(PublicRoot::isHttps).orElse(false);
  }

  /** The SCIM base URL under a public root, e.g. {@code https://rollcall.example.com/scim/v2}. */
  public String scimBaseUrlUnder(URI root) {
    return root.resolve("scim/v2").toString();
  }
}
