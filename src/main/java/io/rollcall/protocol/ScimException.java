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

  /** Audit code: the request named an attribute the resource's schemas do not have. */
  public static final String UNKNOWN_ATTRIBUTE = "unknown_attribute";

  /** Audit code: an access-only tenant has no account for the userName. */
  public static final String NO_ACCOUNT = "no_account";

  private final int status;
  private final String scimType;
  private final String auditCode;

  public ScimException(int status, String scimType, String detail) {
    this(status, scimType, detail, null);
  }

  private ScimException(int status, String scimType, String detail, String auditCode) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
    this.auditCode = auditCode;
  }

  /**
   * The same error, recorded in the audit log under a finer code than its {@code scimType} (which
   * the client still gets): the connection check tells these causes apart to suggest a fix.
   */
  public ScimException withAuditCode(String code) {
    return new ScimException(status, scimType, getMessage(), code);
  }

  /** What the audit log records for this error: the finer code if there is one, else scimType. */
  public String auditCode() {
    return auditCode == null ? scimType : auditCode;
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
