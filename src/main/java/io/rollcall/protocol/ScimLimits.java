package io.rollcall.protocol;

/**
 * The limits Rollcall enforces and advertises in {@code /ServiceProviderConfig}: one definition, so
 * what discovery says is what the server does.
 */
public final class ScimLimits {

  /** Page size when the client sends no {@code count} (RFC 7644 §3.4.2.4). */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Largest page served; a larger {@code count} is reduced to this (RFC 7644 §3.4.2.4). */
  public static final int MAX_PAGE_SIZE = 1000;

  /** Largest request body accepted, in bytes; larger bodies get 413. */
  public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

  /**
   * Most operations in one {@code POST /Bulk} (RFC 7644 §3.7.4 {@code maxOperations}). With {@link
   * #MAX_PAYLOAD_BYTES} as the bulk {@code maxPayloadSize}, a full request leaves about 1 KiB per
   * operation: a user with a handful of attributes, or a PATCH of a few members.
   */
  public static final int MAX_BULK_OPERATIONS = 1000;

  /**
   * Bodies up to this size are read to their end after the limit is hit, so the client gets the
   * 413; larger ones are cut off.
   */
  public static final long DRAIN_LIMIT = 16L * MAX_PAYLOAD_BYTES;

  /**
   * Deepest nesting of objects and arrays in a request body. A SCIM resource needs four (a PATCH
   * value holding an extension holding a complex attribute); the bound keeps a hostile body from
   * exhausting the parser's stack.
   */
  public static final int MAX_JSON_DEPTH = 32;

  /**
   * Longest JSON number literal, in characters. Every SCIM number Rollcall stores fits in far
   * fewer; very long literals only cost time to convert.
   */
  public static final int MAX_NUMBER_LENGTH = 64;

  /**
   * Most names in {@code attributes} or {@code excludedAttributes}: several times every attribute
   * and sub-attribute a resource type has.
   */
  public static final int MAX_ATTRIBUTE_NAMES = 500;

  /** Largest {@code startIndex}; together with a page it still fits in an {@code int}. */
  public static final int MAX_START_INDEX = Integer.MAX_VALUE - MAX_PAGE_SIZE;

  /**
   * Longest request target (path and query string) Rollcall answers, in bytes; longer ones get 414
   * with an error body. The container's own limit for the request line and headers together is set
   * higher in the pre-boot commands, so these requests reach Rollcall.
   */
  public static final int MAX_REQUEST_TARGET_BYTES = 32 * 1024;

  /** Largest header block Rollcall answers, in bytes (names, values); larger ones get 431. */
  public static final int MAX_HEADER_BYTES = 32 * 1024;

  /** How long a pagination cursor stays valid, in seconds (RFC 9865). */
  public static final int CURSOR_TIMEOUT_SECONDS = 3600;

  private ScimLimits() {}
}
