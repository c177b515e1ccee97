package io.rollcall.ratelimit;

/** Thrown where a refusal is found after the request was admitted (a bulk request's size). */
public class RateLimitExceeded extends RuntimeException {

  private final transient Refusal refusal;

  public RateLimitExceeded(Refusal refusal) {
    super(refusal.detail());
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
