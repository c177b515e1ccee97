package io.rollcall.tenant;

import io.rollcall.web.InvalidInputException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** What SCIM may do in a tenant. */
public enum ProvisioningMode {
  /** SCIM creates the people it provisions. */
  FULL("full"),
  /**
   * SCIM never creates people: it grants and revokes access to accounts that already exist in the
   * app's account directory, matched by email ({@code userName}).
   */
  ACCESS_ONLY("access-only");

  private final String label;

  ProvisioningMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ProvisioningMode fromLabel(String label) {
    return Arrays.stream(values())
        .filter(m -> m.label.equalsIgnoreCase(label))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException("provisioningMode must be \"full\" or \"access-only\""));
  }

  /** Stored by its label. */
  @Converter(autoApply = true)
  public static class Column implements AttributeConverter<ProvisioningMode, String> {
    @Override
    public String convertToDatabaseColumn(ProvisioningMode mode) {
      return mode == null ? null : mode.label;
    }

    @Override
    public ProvisioningMode convertToEntityAttribute(String label) {
      return label == null ? null : fromLabel(label);
    }
  }
}
