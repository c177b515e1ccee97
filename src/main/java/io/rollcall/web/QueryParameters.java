package io.rollcall.web;

/**
 * Reads numeric query parameters of the JSON APIs. JAX-RS answers 404 when it cannot convert a
 * parameter itself; reading them as text here turns bad values into a 400 that names them.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** The whole number in {@code text}, clamped to [min, max]; {@code fallback} when absent. */
  public static long number(String name, String text, long fallback, long min, long max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(min, Math.min(max, Long.parseLong(text.strip())));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number");
    }
  }
}
