package io.rollcall.connection;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity providers the check can name. Named from the {@code User-Agent} first (Okta sends
 * {@code Okta SCIM Client …}, Entra ID's provisioning service names Microsoft or Azure AD), then
 * from request shapes only one of them makes; when neither says, the check falls back on the
 * provider the tenant's settings name, and {@link #UNKNOWN} when those name none either.
 */
public enum IdentityProvider {
  OKTA("Okta"),
  ENTRA_ID("Microsoft Entra ID"),
  GOOGLE("Google Workspace"),
  ONELOGIN("OneLogin"),
  JUMPCLOUD("JumpCloud"),
  UNKNOWN("Unknown");

  /** How the provider was recognised. */
  public enum Evidence {
    USER_AGENT,
    REQUEST_SHAPES,
    /** The requests do not say; the tenant's settings name the provider. */
    TENANT_SETTING,
    NONE
  }

  public record Identification(IdentityProvider provider, Evidence evidence, String userAgent) {}

  private static final Pattern UUID_VALUE =
      Pattern.compile(
          "userName eq \"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\"");

  private final String displayName;

  IdentityProvider(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** How a sentence names it: the product, or "the identity provider" when unknown. */
  String inSentence() {
    return this == UNKNOWN ? "the identity provider" : displayName;
  }

  /**
   * Names the provider behind the calls, newest first; the newest User-Agent that names one wins.
   */
  static Identification identify(List<ScimCall> newestFirst) {
    for (ScimCall call : newestFirst) {
      IdentityProvider named = fromUserAgent(call.userAgent());
      if (named != UNKNOWN) {
        return new Identification(named, Evidence.USER_AGENT, call.userAgent());
      }
    }
    for (ScimCall call : newestFirst) {
      IdentityProvider shaped = fromShape(call);
      if (shaped != UNKNOWN) {
        return new Identification(shaped, Evidence.REQUEST_SHAPES, null);
      }
    }
    String agent =
        newestFirst.stream()
            .map(ScimCall::userAgent)
            .filter(a -> a != null && !a.isBlank())
            .findFirst()
            .orElse(null);
    return new Identification(UNKNOWN, Evidence.NONE, agent);
  }

  static IdentityProvider fromUserAgent(String userAgent) {
    if (userAgent == null) {
      return UNKNOWN;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    if (agent.contains("okta")) {
      return OKTA;
    }
    if (agent.contains("azure")
        || agent.contains("microsoft")
        || agent.contains("entra")
        || agent.matches(".*\\baad\\b.*")) {
      return ENTRA_ID;
    }
    if (agent.contains("google")) {
      return GOOGLE;
    }
    if (agent.contains("onelogin")) {
      return ONELOGIN;
    }
    if (agent.contains("jumpcloud")) {
      return JUMPCLOUD;
    }
    return UNKNOWN;
  }

  /**
   * Shapes only one provider makes: Entra ID's {@code aadOptscim062020} flag (it rides on every
   * request once set in the tenant URL), its {@code excludedAttributes=members} group look-ups and
   * {@code emails[type eq "work"].value} filters; Okta's connection test {@code
   * startIndex=1&count=2}.
   */
  static IdentityProvider fromShape(ScimCall call) {
    if (call.parameter("aadOptscim062020") != null) {
      return ENTRA_ID;
    }
    String filter = call.filter() == null ? "" : call.filter();
    if (filter.contains("emails[type eq \"work\"].value eq")
        || ("members".equals(call.parameter("excludedAttributes"))
            && call.endpoint().equals("Groups"))) {
      return ENTRA_ID;
    }
    if (isOktaTest(call)) {
      return OKTA;
    }
    return UNKNOWN;
  }

  /** Okta's "Test Connector Configuration": {@code GET /Users?startIndex=1&count=2}. */
  static boolean isOktaTest(ScimCall call) {
    return call.method().equals("GET")
        && call.path().equals("/Users")
        && call.filter() == null
        && "1".equals(call.parameter("startIndex"))
        && "2".equals(call.parameter("count"));
  }

  /**
   * Entra ID's "Test Connection": a look-up of a userName that cannot exist, a random GUID, which
   * must answer 200 with an empty list.
   */
  static boolean isEntraTest(ScimCall call) {
    return call.method().equals("GET")
        && call.path().equals("/Users")
        && call.filter() != null
        && UUID_VALUE.matcher(call.filter()).matches();
  }
}
