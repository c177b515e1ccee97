package io.rollcall.protocol.schema;

/** The data types of RFC 7643 §2.3, with the spelling used in {@code /Schemas}. */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE_TIME("dateTime"),
  BINARY("binary"),
  REFERENCE("reference"),
  COMPLEX("complex");

  private final String scimName;

  AttributeType(String scimName) {
    this.scimName = scimName;
  }

  public String scimName() {
    return scimName;
  }
}
