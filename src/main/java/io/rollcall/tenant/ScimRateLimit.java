package io.rollcall.tenant;

import io.rollcall.web.InvalidInputException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Objects;

/**
 * How fast a tenant's SCIM clients may call: the server's default limit, a limit of its own
 * (requests per second sustained, and a burst that may arrive at once), or none. The server-wide
 * limit applies to every tenant whatever this says.
 *
 * @param mode which of the three
 * @param requestsPerSecond the sustained rate of a {@link Mode#CUSTOM} limit, else null
 * @param burst how many requests a {@link Mode#CUSTOM} limit lets through at once, else null
 */
public record ScimRateLimit(Mode mode, Integer requestsPerSecond, Integer burst) {

  public static final int MAX_REQUESTS_PER_SECOND = 10_000;
  public static final int MAX_BURST = 100_000;

  public static final ScimRateLimit DEFAULT = new ScimRateLimit(Mode.DEFAULT, null, null);
  public static final ScimRateLimit UNLIMITED = new ScimRateLimit(Mode.UNLIMITED, null, null);

  public ScimRateLimit {
    Objects.requireNonNull(mode);
    if (mode == Mode.CUSTOM) {
      if (requestsPerSecond == null || burst == null) {
        throw new InvalidInputException(
            "a custom SCIM rate limit needs both scimRequestsPerSecond and scimBurst");
      }
      if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
        throw new InvalidInputException(
            "scimRequestsPerSecond must be between 1 and " + MAX_REQUESTS_PER_SECOND);
      }
      if (burst < 1 || burst > MAX_BURST) {
        throw new InvalidInputException("scimBurst must be between 1 and " + MAX_BURST);
      }
    } else if (requestsPerSecond != null || burst != null) {
      throw new InvalidInputException(
          "scimRequestsPerSecond and scimBurst go only with scimRateLimit \"custom\"");
    }
  }

  public static ScimRateLimit custom(int requestsPerSecond, int burst) {
    return new ScimRateLimit(Mode.CUSTOM, requestsPerSecond, burst);
  }

  /**
   * The limit after a change where each part may be missing (null): a mode alone switches to it;
   * numbers without a mode mean a custom limit, the missing number kept from the current custom
   * limit. Nothing given leaves the limit as it is.
   */
  public ScimRateLimit changedTo(String newMode, Integer newRate, Integer newBurst) {
    if (newMode == null && newRate == null && newBurst == null) {
      return this;
    }
    Mode target = newMode == null ? Mode.CUSTOM : Mode.fromLabel(newMode);
    if (target != Mode.CUSTOM) {
      return new ScimRateLimit(target, newRate, newBurst);
    }
    return new ScimRateLimit(
        Mode.CUSTOM,
        newRate != null ? newRate : requestsPerSecond,
        newBurst != null ? newBurst : burst);
  }

  /** The three kinds of limit, stored and shown by their labels. */
  public enum Mode {
    DEFAULT("default"),
    CUSTOM("custom"),
    UNLIMITED("unlimited");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Mode fromLabel(String label) {
      return Arrays.stream(values())
          .filter(m -> m.label.equalsIgnoreCase(label))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "scimRateLimit must be \"default\", \"custom\" or \"unlimited\""));
    }

    /** Stored by its label. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Mode, String> {
      @Override
      public String convertToDatabaseColumn(Mode mode) {
        return mode == null ? null : mode.label;
      }

      @Override
      public Mode convertToEntityAttribute(String label) {
        return label == null ? null : fromLabel(label);
      }
    }
  }
}
