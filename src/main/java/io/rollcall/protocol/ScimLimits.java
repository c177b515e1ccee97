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
   * Bodies up to this size are read to their end after the limit is hit, so the client gets the
   * 413; larger ones are cut off.
   */
  public static final long DRAIN_LIMIT = 16L * MAX_PAYLOAD_BYTES;

  /** How long a pagination cursor stays valid, in seconds (RFC 9865). */
  public static final int CURSOR_TIMEOUT_SECONDS = 3600;

  private ScimLimits() {}
}
