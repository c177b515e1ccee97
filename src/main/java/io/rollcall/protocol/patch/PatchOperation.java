package io.rollcall.protocol.patch;

/**
 * One element of the {@code Operations} array of an RFC 7644 §3.5.2 PatchOp request.
 *
 * <p>{@code op} is kept as the client sent it so that {@link PatchEngine} can report an unknown
 * operation with the right error; {@code path} is {@code null} when omitted; {@code value} is the
 * JSON value as a String, Boolean, number, List or Map, or {@code null} when omitted.
 */
public record PatchOperation(String op, String path, Object value) {

  public static PatchOperation add(String path, Object value) {
    return new PatchOperation("add", path, value);
  }

  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation("replace", path, value);
  }

  public static PatchOperation remove(String path) {
    return new PatchOperation("remove", path, null);
  }
}
