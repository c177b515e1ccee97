package io.rollcall.protocol;

/**
 * A failure that the SCIM API reports to the client as an RFC 7644 §3.12 error body.
 *
 * <p>One factory per {@code scimType} of RFC 7644 Table 9, spelled as the RFC spells it, plus the
 * plain HTTP statuses that carry no {@code scimType}. The {@code detail} is shown to the client, so
 * it must never contain internals such as class names or SQL.
 */
public final class ScimException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String scimType;

  public ScimException(int status, String scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  public int status() {
    return status;
  }

  /** The RFC 7644 Table 9 keyword, or {@code null} where the status alone says it all. */
  public String scimType() {
    return scimType;
  }

  public String detail() {
    return getMessage();
  }

  public static ScimException invalidFilter(String detail) {
    return new ScimException(400, "invalidFilter", detail);
  }

  public static ScimException tooMany(String detail) {
    return new ScimException(400, "tooMany", detail);
  }

  public static ScimException uniqueness(String detail) {
    return new ScimException(409, "uniqueness", detail);
  }

  public static ScimException mutability(String detail) {
    return new ScimException(400, "mutability", detail);
  }

  public static ScimException invalidSyntax(String detail) {
    return new ScimException(400, "invalidSyntax", detail);
  }

  public static ScimException invalidPath(String detail) {
    return new ScimException(400, "invalidPath", detail);
  }

  public static ScimException noTarget(String detail) {
    return new ScimException(400, "noTarget", detail);
  }

  public static ScimException invalidValue(String detail) {
    return new ScimException(400, "invalidValue", detail);
  }

  public static ScimException invalidVers(String detail) {
    return new ScimException(400, "invalidVers", detail);
  }

  public static ScimException sensitive(String detail) {
    return new ScimException(403, "sensitive", detail);
  }

  public static ScimException badRequest(String detail) {
    return new ScimException(400, null, detail);
  }

  public static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  public static ScimException preconditionFailed(String detail) {
    return new ScimException(412, null, detail);
  }

  public static ScimException payloadTooLarge(String detail) {
    return new ScimException(413, null, detail);
  }

  public static ScimException notImplemented(String detail) {
    return new ScimException(501, null, detail);
  }
}
