package io.rollcall.console;

import io.rollcall.access.AppKey;
import io.rollcall.security.TokenSecret;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a freshly minted secret across the redirect after the form that minted it, and no
 * further: the page that follows takes it out (so a reload shows nothing), and one not taken within
 * {@link #HOLD} is dropped.
 */
@SessionScoped
public class SecretHandover implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Duration HOLD = Duration.ofMinutes(2);

  /** A secret to show once, and, for a rotation, the token it replaces and its cut-over. */
  public record Secret(
      String tenantId,
      String prefix,
      String description,
      String secret,
      String replacedPrefix,
      Instant replacedUntil,
      Instant madeAt)
      implements Serializable {

    public boolean isRotation() {
      return replacedPrefix != null;
    }

    /** An application key for the access-check API, rather than a token or webhook secret. */
    public boolean isAppKey() {
      return secret.startsWith(AppKey.SECRET_PREFIX);
    }
  }

  private final Map<String, Secret> waiting = new ConcurrentHashMap<>();

  /** Leaves a secret for the next page and returns the key that page asks for it with. */
  String put(Secret secret) {
    Instant now = Clock.systemUTC().instant();
    waiting.values().removeIf(s -> s.madeAt().plus(HOLD).isBefore(now));
    String key = TokenSecret.generate("").substring(0, 16);
    waiting.put(key, secret);
    return key;
  }

  /** The secret left under this key for this tenant, removed as it is taken. */
  Optional<Secret> take(String key, String tenantId) {
    if (key == null) {
      return Optional.empty();
    }
    Secret secret = waiting.remove(key);
    Instant now = Clock.systemUTC().instant();
    if (secret == null
        || !secret.tenantId().equals(tenantId)
        || secret.madeAt().plus(HOLD).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(secret);
  }
}
