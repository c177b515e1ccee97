package io.rollcall.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps {@code lastUsedAt} current without a database write on every request: a secret's use is
 * written at most once a minute.
 */
final class LastUse {

  static final Duration RESOLUTION = Duration.ofMinutes(1);

  private static final ConcurrentMap<String, Instant> WRITTEN = new ConcurrentHashMap<>();

  private LastUse() {}

  /** Whether a use at {@code now} should be written, and if so notes that it was. */
  static boolean due(String secretId, Instant now) {
    Instant written = WRITTEN.get(secretId);
    if (written != null && Duration.between(written, now).compareTo(RESOLUTION) < 0) {
      return false;
    }
    WRITTEN.put(secretId, now);
    return true;
  }

  static void forget(String secretId) {
    WRITTEN.remove(secretId);
  }
}
