package io.rollcall.protocol.schema;

import static io.rollcall.protocol.schema.AttributeDefinition.complex;
import static io.rollcall.protocol.schema.AttributeDefinition.of;
import static io.rollcall.protocol.schema.AttributeDefinition.string;

import java.util.ArrayList;
import java.util.List;

/**
 * The schemas Rollcall serves: RFC 7643 §4.1 User, §4.2 Group, §4.3 Enterprise User, and the
 * per-tenant custom User extension with {@code customField1} … {@code customField10}.
 */
public final class StandardSchemas {

  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String DEFAULT_CUSTOM_USER =
      "urn:ietf:params:scim:schemas:extension:rollcall:2.0:User";
  public static final int CUSTOM_FIELD_COUNT = 10;

  /**
   * What access-only tenants know about a person from their HR data beyond the enterprise
   * extension: the manager's email and what the hierarchy derives. Computed, never sent: every
   * attribute is readOnly (RFC 7643 §2.2), so a PUT or POST that carries one has it ignored and a
   * PATCH that targets one is a 400 {@code mutability}.
   */
  public static final String HR_USER = "urn:rollcall:params:scim:schemas:extension:hr:2.0:User";

  private StandardSchemas() {}

  private static AttributeDefinition type(String description, String... canonical) {
    return string("type", description).withCanonicalValues(canonical);
  }

  private static AttributeDefinition primary(String description) {
    return of("primary", AttributeType.BOOLEAN, description);
  }

  private static AttributeDefinition display(String description) {
    return string("display", description);
  }

  /** The common shape of multi-valued string attributes such as {@code emails} (RFC 7643 §2.4). */
  private static AttributeDefinition multiValuedValue(
      String name, String description, AttributeDefinition value, String... types) {
    return complex(
            name,
            description,
            value,
            display("A human-readable name, primarily used for display purposes."),
            type("A label indicating the attribute's function.", types),
            primary("Indicates the preferred value for this attribute."))
        .asMultiValued();
  }

  public static final SchemaDefinition USER_SCHEMA =
      new SchemaDefinition(
          USER,
          "User",
          "User Account",
          List.of(
              string("userName", "Unique identifier for the User, used to authenticate.")
                  .asRequired()
                  .withUniqueness(Uniqueness.SERVER),
              complex(
                  "name",
                  "The components of the user's real name.",
                  string("formatted", "The full name, formatted for display."),
                  string("familyName", "The family name of the User."),
                  string("givenName", "The given name of the User."),
                  string("middleName", "The middle name(s) of the User."),
                  string("honorificPrefix", "The honorific prefix(es) of the User."),
                  string("honorificSuffix", "The honorific suffix(es) of the User.")),
              string("displayName", "The name of the User, suitable for display."),
              string("nickName", "The casual way to address the user."),
              of("profileUrl", AttributeType.REFERENCE, "A URI of the User's online profile.")
                  .withReferenceTypes("external"),
              string("title", "The user's title, such as \"Vice President\"."),
              string(
                  "userType", "Identifies the relationship between the organization and the user."),
              string("preferredLanguage", "The User's preferred written or spoken language."),
              string("locale", "The User's default location for localizing content."),
              string("timezone", "The User's time zone in IANA Time Zone database format."),
              of("active", AttributeType.BOOLEAN, "The User's administrative status."),
              string("password", "The User's cleartext password, write-only.")
                  .withMutability(Mutability.WRITE_ONLY)
                  .withReturned(Returned.NEVER),
              multiValuedValue(
                  "emails",
                  "Email addresses for the user.",
                  string("value", "Email address for the user."),
                  "work",
                  "home",
                  "other"),
              multiValuedValue(
                  "phoneNumbers",
                  "Phone numbers for the User.",
                  string("value", "Phone number of the User."),
                  "work",
                  "home",
                  "mobile",
                  "fax",
                  "pager",
                  "other"),
              multiValuedValue(
                  "ims",
                  "Instant messaging addresses for the User.",
                  string("value", "Instant messaging address for the User."),
                  "aim",
                  "gtalk",
                  "icq",
                  "xmpp",
                  "msn",
                  "skype",
                  "qq",
                  "yahoo"),
              multiValuedValue(
                  "photos",
                  "URLs of photos of the User.",
                  of("value", AttributeType.REFERENCE, "URL of a photo of the User.")
                      .withReferenceTypes("external"),
                  "photo",
                  "thumbnail"),
              complex(
                      "addresses",
                      "A physical mailing address for this User.",
                      string("formatted", "The full mailing address, formatted for display."),
                      string("streetAddress", "The full street address component."),
                      string("locality", "The city or locality component."),
                      string("region", "The state or region component."),
                      string("postalCode", "The zip code or postal code component."),
                      string("country", "The country name component."),
                      type("A label indicating the attribute's function.", "work", "home", "other"),
                      primary("Indicates the preferred mailing address."))
                  .asMultiValued(),
              complex(
                      "groups",
                      "A list of groups to which the user belongs.",
                      string("value", "The identifier of the User's group.")
                          .withMutability(Mutability.READ_ONLY),
                      of("$ref", AttributeType.REFERENCE, "The URI of the corresponding Group.")
                          .withReferenceTypes("User", "Group")
                          .withMutability(Mutability.READ_ONLY),
                      display("A human-readable name of the group.")
                          .withMutability(Mutability.READ_ONLY),
                      type("Whether membership is direct or indirect.", "direct", "indirect")
                          .withMutability(Mutability.READ_ONLY))
                  .asMultiValued()
                  .withMutability(Mutability.READ_ONLY),
              multiValuedValue(
                  "entitlements",
                  "A list of entitlements for the User.",
                  string("value", "The value of an entitlement.")),
              multiValuedValue(
                  "roles",
                  "A list of roles for the User.",
                  string("value", "The value of a role.")),
              multiValuedValue(
                  "x509Certificates",
                  "A list of certificates issued to the User.",
                  of("value", AttributeType.BINARY, "The value of an X.509 certificate."))));

  public static final SchemaDefinition ENTERPRISE_USER_SCHEMA =
      new SchemaDefinition(
          ENTERPRISE_USER,
          "EnterpriseUser",
          "Enterprise User",
          List.of(
              string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
              string("costCenter", "Identifies the name of a cost center."),
              string("organization", "Identifies the name of an organization."),
              string("division", "Identifies the name of a division."),
              string("department", "Identifies the name of a department."),
              complex(
                  "manager",
                  "The User's manager.",
                  string("value", "The id of the SCIM resource representing the User's manager.")
                      .asCaseExact(),
                  of("$ref", AttributeType.REFERENCE, "The URI of the manager's SCIM resource.")
                      .withReferenceTypes("User"),
                  string("displayName", "The displayName of the User's manager.")
                      .withMutability(Mutability.READ_ONLY))));

  /** The custom User extension; its URN is a tenant setting so that IdP mappings carry over. */
  public static SchemaDefinition customUserSchema(String urn) {
    List<AttributeDefinition> fields = new ArrayList<>();
    for (int i = 1; i <= CUSTOM_FIELD_COUNT; i++) {
      fields.add(string("customField" + i, "Custom field " + i + "."));
    }
    return new SchemaDefinition(urn, "CustomUser", "Tenant-defined custom User attributes", fields);
  }

  public static final SchemaDefinition HR_USER_SCHEMA =
      new SchemaDefinition(
          HR_USER,
          "HrUser",
          "The person's HR record as the account directory derives it (read-only)",
          List.of(
              string("managerEmail", "The email of the person's manager in the HR data.")
                  .withMutability(Mutability.READ_ONLY),
              of(
                      "directReports",
                      AttributeType.INTEGER,
                      "How many people in the directory name this person as their manager.")
                  .withMutability(Mutability.READ_ONLY),
              of("isManager", AttributeType.BOOLEAN, "Whether the person manages at least one.")
                  .withMutability(Mutability.READ_ONLY),
              of(
                      "level",
                      AttributeType.INTEGER,
                      "Steps from the top of the hierarchy (0 at the top); absent when the chain"
                          + " of managers never reaches a top.")
                  .withMutability(Mutability.READ_ONLY)));

  public static final SchemaDefinition GROUP_SCHEMA =
      new SchemaDefinition(
          GROUP,
          "Group",
          "Group",
          List.of(
              string("displayName", "A human-readable name for the Group.")
                  .asRequired()
                  .withUniqueness(Uniqueness.SERVER),
              complex(
                      "members",
                      "A list of members of the Group.",
                      // Required, unlike RFC 7643 §8.7.1: a member without value names nobody.
                      string("value", "Identifier of the member of this Group.")
                          .asRequired()
                          .asCaseExact()
                          .withMutability(Mutability.IMMUTABLE),
                      of("$ref", AttributeType.REFERENCE, "The URI of the member resource.")
                          .withReferenceTypes("User", "Group")
                          .withMutability(Mutability.IMMUTABLE),
                      display("A human-readable name of the member.")
                          .withMutability(Mutability.READ_ONLY),
                      type("The type of the member.", "User", "Group")
                          .withMutability(Mutability.IMMUTABLE))
                  .asMultiValued()));
}
