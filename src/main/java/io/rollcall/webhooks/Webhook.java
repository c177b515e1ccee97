package io.rollcall.webhooks;

import io.rollcall.web.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A tenant's webhook and its delivery position. Events are delivered strictly in sequence order:
 * the next one is sent only after the receiver accepted the previous one, so each person's events
 * arrive in order, at least once.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

  /** Longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  @Id
  @Column(name = "tenant_id")
  private String tenantId;

  private String url;

  /** Needed in clear to sign; shown to the admin once, never returned again. */
  @Column(name = "signing_secret")
  private String signingSecret;

  private short paused;

  @Column(name = "delivered_seq")
  private long deliveredSeq;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_success_at")
  private Instant lastSuccessAt;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Webhook() {}

  Webhook(String tenantId, String url, String signingSecret, long startAfterSeq, Instant now) {
    this.tenantId = tenantId;
    this.url = checkUrl(url);
    this.signingSecret = signingSecret;
    this.deliveredSeq = startAfterSeq;
    this.createdAt = now;
  }

  static String checkUrl(String url) {
    try {
      URI uri = URI.create(url == null ? "" : url.strip());
      if (uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))
          || url.length() > 2000) {
        throw new InvalidInputException("url must be an absolute http(s) URL");
      }
      return uri.toString();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("url must be an absolute http(s) URL");
    }
  }

  void changeUrl(String newUrl) {
    this.url = checkUrl(newUrl);
  }

  void pause() {
    paused = 1;
  }

  /** Resumes, and tries the next event at once. */
  void resume(Instant now) {
    paused = 0;
    nextAttemptAt = now;
  }

  boolean isDue(Instant now) {
    return paused == 0 && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
  }

  void delivered(long seq, Instant now) {
    deliveredSeq = seq;
    attempts = 0;
    nextAttemptAt = null;
    lastError = null;
    lastSuccessAt = now;
  }

  /** Exponential backoff: 2, 4, 8 … seconds, at most an hour. */
  void failed(String error, Instant now) {
    attempts++;
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts, 20));
    nextAttemptAt = now.plusSeconds(seconds);
    lastError = error.length() > 500 ? error.substring(0, 500) : error;
  }

  public String tenantId() {
    return tenantId;
  }

  public String url() {
    return url;
  }

  String signingSecret() {
    return signingSecret;
  }

  public boolean isPaused() {
    return paused == 1;
  }

  public long deliveredSeq() {
    return deliveredSeq;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastSuccessAt() {
    return lastSuccessAt;
  }
}
