package io.rollcall.tenant;

import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.web.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URN of a tenant's custom User extension. It must look like a SCIM extension URN and must not
 * collide with a schema Rollcall already serves.
 */
final class CustomSchemaUrn {

  private static final Pattern SHAPE =
      Pattern.compile("urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}(:[A-Za-z0-9()+,\\-.=@;$_!*'%]+)+");

  private CustomSchemaUrn() {}

  static String check(String urn) {
    if (urn == null || urn.length() > 300 || !SHAPE.matcher(urn).matches()) {
      throw new InvalidInputException(
          "customUserSchema must be a URN such as " + StandardSchemas.DEFAULT_CUSTOM_USER);
    }
    String lower = urn.toLowerCase(Locale.ROOT);
    if (lower.equals(StandardSchemas.USER.toLowerCase(Locale.ROOT))
        || lower.equals(StandardSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT))
        || lower.equals(StandardSchemas.GROUP.toLowerCase(Locale.ROOT))
        || lower.equals(StandardSchemas.HR_USER.toLowerCase(Locale.ROOT))
        || lower.startsWith("urn:ietf:params:scim:api:")) {
      throw new InvalidInputException("customUserSchema must not reuse a standard SCIM URN");
    }
    return urn;
  }
}
