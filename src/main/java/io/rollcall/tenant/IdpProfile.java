package io.rollcall.tenant;

import static io.rollcall.protocol.Tolerance.BOOLEAN_AS_STRING;
import static io.rollcall.protocol.Tolerance.CREATE_ON_UNMATCHED_FILTER;
import static io.rollcall.protocol.Tolerance.EXTENSION_WITHOUT_URN;
import static io.rollcall.protocol.Tolerance.FOREIGN_SCHEMA_URNS;
import static io.rollcall.protocol.Tolerance.OP_IN_ANY_CASE;
import static io.rollcall.protocol.Tolerance.PATH_KEYS_IN_VALUE;
import static io.rollcall.protocol.Tolerance.PLAIN_VALUE_FOR_COMPLEX;
import static io.rollcall.protocol.Tolerance.QUALIFIED_TOP_LEVEL_KEYS;
import static io.rollcall.protocol.Tolerance.READ_ONLY_ECHO;
import static io.rollcall.protocol.Tolerance.REMOVE_LISTED_VALUES;
import static io.rollcall.protocol.Tolerance.VALUE_FILTER_WITH_SUB_ATTRIBUTE;
import static io.rollcall.protocol.Tolerances.UnknownAttributes.DROP_AND_REPORT;
import static io.rollcall.protocol.Tolerances.UnknownAttributes.REFUSE;

import io.rollcall.protocol.Tolerances;
import io.rollcall.web.InvalidInputException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The identity provider a tenant names in its settings, and the one table of what each is allowed
 * to send that RFC 7643/7644 would refuse. The console's setup guide opens at the tenant's identity
 * provider.
 *
 * <p>Each named profile gets exactly the tolerances the replays of that identity provider's
 * documented requests need (the Okta, Entra ID, OneLogin and JumpCloud sequences in the container
 * tests); nothing more, so a mistake in a custom integration still gets the RFC's answer. A tenant
 * that never chose keeps {@link #ANY}: every tolerance, as before profiles existed, so no existing
 * tenant changes behaviour. {@link #OTHER} is the RFC: no tolerance at all.
 */
public enum IdpProfile {
  /** Never chosen: every tolerance on, unknown attributes refused (the behaviour before V20). */
  ANY("any", "Not set (tolerate every identity provider)", null, Tolerances.ANY_IDP),
  OKTA("okta", "Okta", "okta", Tolerances.of(REFUSE, READ_ONLY_ECHO)),
  /**
   * Unknown attributes dropped: Microsoft's SCIM reference collection sends a misspelled attribute
   * in a PUT and expects it ignored, and Entra ID mappings carry attributes a target lacks.
   */
  ENTRA_ID(
      "entra-id",
      "Microsoft Entra ID",
      "entra",
      Tolerances.of(
          DROP_AND_REPORT,
          OP_IN_ANY_CASE,
          BOOLEAN_AS_STRING,
          PATH_KEYS_IN_VALUE,
          CREATE_ON_UNMATCHED_FILTER,
          PLAIN_VALUE_FOR_COMPLEX,
          REMOVE_LISTED_VALUES,
          EXTENSION_WITHOUT_URN,
          VALUE_FILTER_WITH_SUB_ATTRIBUTE,
          FOREIGN_SCHEMA_URNS,
          QUALIFIED_TOP_LEVEL_KEYS)),
  /** Google Workspace cannot provision a custom SCIM app, so nothing of it needs tolerating. */
  GOOGLE_WORKSPACE("google-workspace", "Google Workspace", "google", Tolerances.STRICT),
  ONELOGIN("onelogin", "OneLogin", "onelogin", Tolerances.of(REFUSE, REMOVE_LISTED_VALUES)),
  JUMPCLOUD("jumpcloud", "JumpCloud", "jumpcloud", Tolerances.of(REFUSE, REMOVE_LISTED_VALUES)),
  /**
   * Any other client: the RFC's answers — except that {@code remove} with a list of values is
   * refused rather than read literally as "remove every value".
   */
  OTHER("other", "Other (strict RFC 7644)", null, Tolerances.STRICT);

  private final String label;
  private final String displayName;
  private final String guide;
  private final Tolerances tolerances;

  IdpProfile(String label, String displayName, String guide, Tolerances tolerances) {
    this.label = label;
    this.displayName = displayName;
    this.guide = guide;
    this.tolerances = tolerances;
  }

  /** How the admin API and the database spell it. */
  public String label() {
    return label;
  }

  public String displayName() {
    return displayName;
  }

  /** The console's setup guide to open ({@code guide-okta}, …), if the profile has one. */
  public Optional<String> guide() {
    return Optional.ofNullable(guide);
  }

  public Tolerances tolerances() {
    return tolerances;
  }

  /**
   * @throws InvalidInputException (a 400) naming the accepted values
   */
  public static IdpProfile fromLabel(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label.equalsIgnoreCase(label))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "idpProfile must be one of "
                        + Arrays.stream(values())
                            .map(p -> "\"" + p.label + "\"")
                            .collect(Collectors.joining(", "))));
  }

  /** Stored by its label. */
  @Converter(autoApply = true)
  public static class Column implements AttributeConverter<IdpProfile, String> {
    @Override
    public String convertToDatabaseColumn(IdpProfile profile) {
      return profile == null ? null : profile.label;
    }

    @Override
    public IdpProfile convertToEntityAttribute(String label) {
      if (label == null) {
        return ANY;
      }
      // A label written by a newer release (during a rolling upgrade) must not fail every request
      // of its tenant on an older node: that node tolerates everything it knows, as before V20.
      return Arrays.stream(values())
          .filter(p -> p.label.equals(label))
          .findFirst()
          .orElseGet(
              () -> {
                Logger.getLogger(IdpProfile.class.getName())
                    .warning("Unknown identity provider profile '" + label + "': read as 'any'");
                return ANY;
              });
    }
  }
}
