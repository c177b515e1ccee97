package io.rollcall.connection;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * What the connection check concludes: a state, a sentence for people, and the facts behind it.
 *
 * @param summary one sentence, e.g. "Okta reached Rollcall 3 minutes ago: connection test OK, 214
 *     users created, last error: 409 uniqueness for ann@… at 10:02 UTC."
 * @param identityProvider the provider the requests show, else the one the tenant's settings name,
 *     else "Unknown"
 * @param findings each kind of failure seen, and a provider in the tenant's settings other than the
 *     one calling; blocking ones first, then the most recent
 * @param droppedAttributes attributes the schema lacks that the tenant's IdP profile dropped rather
 *     than refused, most recent first: requests that succeeded, but data the IdP meant to send
 */
@JsonbPropertyOrder({
  "state",
  "summary",
  "identityProvider",
  "identifiedBy",
  "userAgent",
  "lastContact",
  "connectionTest",
  "counts",
  "lastError",
  "findings",
  "droppedAttributes",
  "scimBaseUrl",
  "since"
})
public record ConnectionVerdict(
    State state,
    String summary,
    String identityProvider,
    IdentityProvider.Evidence identifiedBy,
    String userAgent,
    Instant lastContact,
    ConnectionTest connectionTest,
    Counts counts,
    LastError lastError,
    List<Finding> findings,
    List<DroppedAttribute> droppedAttributes,
    String scimBaseUrl,
    Instant since) {

  public enum State {
    /** No SCIM request in the window. */
    NOTHING_YET,
    /** The newest request failed for a reason that stops all provisioning (token, base URL). */
    FAILING,
    /** Requests get through, but some failed. */
    ATTENTION,
    /** Requests get through and none failed. */
    OK
  }

  /** The identity provider's connection test, as last seen. */
  public record ConnectionTest(Instant at, int status, boolean passed, String shape) {}

  /** What the identity provider did in the window. */
  public record Counts(
      int requests,
      int failed,
      int usersCreated,
      int usersUpdated,
      int usersDeactivated,
      int usersDeleted,
      int groupChanges) {}

  /** The newest failed request. */
  public record LastError(
      Instant at,
      String method,
      String path,
      int status,
      String code,
      Problem problem,
      String subject) {}

  /**
   * One attribute name the IdP sent and Rollcall dropped: how many requests carried it, when last,
   * and one of them ({@code PUT /Users/…}). Never a value.
   */
  public record DroppedAttribute(String name, int requests, Instant lastAt, String example) {}

  /** One kind of failure: how often, when last, an example and the fix. */
  public record Finding(
      Problem problem,
      String label,
      boolean blocking,
      int count,
      Instant lastAt,
      String example,
      String fix) {}
}
