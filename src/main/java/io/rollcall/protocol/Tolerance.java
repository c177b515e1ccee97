package io.rollcall.protocol;

/**
 * One deliberate departure from RFC 7643/7644 that a real identity provider needs. Each is named
 * where the engine bends the RFC, and applies only when the caller's {@link Tolerances} allow it;
 * without it the request gets the RFC's answer. Which identity provider needs which is decided in
 * one table, {@code io.rollcall.tenant.IdpProfile}.
 *
 * <p>Not here, and so on in every profile, are the lenient readings that bend no rule of the RFC or
 * concern the transport rather than one identity provider: attribute and PATCH/Bulk member names in
 * any case (RFC 7643 §2.1 makes attribute names case-insensitive), a missing {@code schemas} on a
 * resource, PATCH or Bulk body (Rollcall derives it; refusing would protect no real client), a body
 * without {@code Content-Type}, a Bulk path without its leading slash and RFC 7644 §3.7.3's bare
 * PATCH array, a single value where a PATCH operation gives values of a multi-valued attribute
 * ({@code add}, {@code replace}, or the values listed in a {@code remove}; §3.5.2 does not say the
 * value must be an array), and unknown query parameters such as {@code aadOptscim062020} (§3.4.2).
 */
public enum Tolerance {
  OP_IN_ANY_CASE(
      "Entra ID capitalises PATCH ops (\"Replace\"); RFC 7644 §3.5.2 spells them add, remove and"
          + " replace, otherwise invalidSyntax"),
  BOOLEAN_AS_STRING(
      "Entra ID sends \"True\" and \"False\" for booleans; RFC 7643 §2.3.2 wants JSON true or"
          + " false, otherwise invalidValue"),
  PATH_KEYS_IN_VALUE(
      "Entra ID writes paths (name.givenName, urn:…:User:department, emails[type eq \"work\"].value)"
          + " as keys of a path-less PATCH value; RFC 7644 §3.5.2.1 wants attribute names,"
          + " otherwise invalidValue"),
  CREATE_ON_UNMATCHED_FILTER(
      "Entra ID adds or replaces emails[type eq \"work\"].value before such an email exists;"
          + " RFC 7644 §3.5.2.3 answers such a replace with noTarget, and Rollcall answers such an"
          + " add the same (§3.12, Table 9: a filter that yields no match)"),
  PLAIN_VALUE_FOR_COMPLEX(
      "Entra ID sends manager as a plain id or a one-element array; RFC 7643 §4.3 makes it an"
          + " object, otherwise invalidValue"),
  REMOVE_LISTED_VALUES(
      "Entra ID, OneLogin and JumpCloud remove members with path members and a list meaning only"
          + " those (any multi-valued attribute is read the same way); RFC 7644 §3.5.2.2 gives remove no value (refused rather than read as remove"
          + " all)"),
  READ_ONLY_ECHO(
      "Okta echoes id, meta, groups and schemas in path-less PATCH values; RFC 7644 §3.5.2 answers"
          + " a change of a readOnly attribute with mutability"),
  EXTENSION_WITHOUT_URN(
      "Entra ID names manager without the enterprise URN in a PATCH path; RFC 7644 §3.10 needs the"
          + " URN for extension attributes, otherwise invalidPath"),
  VALUE_FILTER_WITH_SUB_ATTRIBUTE(
      "Entra ID looks users up with emails[type eq \"work\"].value eq \"…\", outside the RFC 7644"
          + " §3.4.2.2 grammar, otherwise invalidFilter"),
  FOREIGN_SCHEMA_URNS(
      "Entra ID lists http://schemas.microsoft.com/… in a group's schemas; RFC 7643 §3 allows only"
          + " the resource type's schemas, otherwise invalidValue"),
  QUALIFIED_TOP_LEVEL_KEYS(
      "Entra ID may send urn:…:enterprise:2.0:User:department as a top-level key; RFC 7643 §3 nests"
          + " extension attributes under their URN, otherwise an unknown attribute"),
  SINGLE_VALUE_FOR_MULTI_VALUED(
      "hand-written clients send one email as an object; RFC 7643 §2.4 makes a multi-valued"
          + " attribute a JSON array, otherwise invalidValue");

  private final String why;

  Tolerance(String why) {
    this.why = why;
  }

  /** Who needs it and what the RFC answers without it, in one line. */
  public String why() {
    return why;
  }
}
