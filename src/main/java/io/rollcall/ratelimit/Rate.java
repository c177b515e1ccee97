package io.rollcall.ratelimit;

/**
 * A token bucket's shape: {@code burst} requests may arrive at once, and the bucket refills at
 * {@code requestsPerSecond}.
 */
public record Rate(int requestsPerSecond, int burst) {

  public Rate {
    if (requestsPerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate needs at least 1 request per second and burst 1");
    }
  }

  /** As the 429's detail and the console show it. */
  public String describe() {
    return requestsPerSecond
        + (requestsPerSecond == 1 ? " request" : " requests")
        + " per second, bursts of up to "
        + burst;
  }
}
