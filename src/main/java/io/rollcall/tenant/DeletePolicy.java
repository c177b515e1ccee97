package io.rollcall.tenant;

import io.rollcall.web.InvalidInputException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** What a SCIM DELETE of a user does in a tenant. Either way the user is gone from SCIM. */
public enum DeletePolicy {
  /** Remove the user and keep a record of who was removed and when. */
  DEPROVISION("deprovision"),
  /** Remove every trace of the user's SCIM data. */
  ERASE("erase");

  private final String label;

  DeletePolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static DeletePolicy fromLabel(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label.equalsIgnoreCase(label))
        .findFirst()
        .orElseThrow(
            () -> new InvalidInputException("deletePolicy must be \"deprovision\" or \"erase\""));
  }

  /** Stored by its label. */
  @Converter(autoApply = true)
  public static class Column implements AttributeConverter<DeletePolicy, String> {
    @Override
    public String convertToDatabaseColumn(DeletePolicy policy) {
      return policy == null ? null : policy.label;
    }

    @Override
    public DeletePolicy convertToEntityAttribute(String label) {
      return label == null ? null : fromLabel(label);
    }
  }
}
