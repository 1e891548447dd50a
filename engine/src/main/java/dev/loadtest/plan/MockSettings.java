package dev.loadtest.plan;

/**
 * How the built-in mock target behaves: how long it waits before answering and how often it
 * fails. Deterministic for a given seed.
 *
 * @param latency the wait before each answer
 * @param errorRate share of requests answered with 500, 0..1
 * @param rateLimitRate share of requests answered with 429 and a Retry-After header, 0..1
 * @param seed seed of the mock's random choices
 */
public record MockSettings(
    LatencyDistribution latency, double errorRate, double rateLimitRate, long seed) {

  /** A mock that answers at once and never fails. */
  public static final MockSettings DEFAULT =
      new MockSettings(new LatencyDistribution.Fixed(java.time.Duration.ZERO), 0, 0, 1);

  public MockSettings {
    requireShare("errorRate", errorRate);
    requireShare("rateLimitRate", rateLimitRate);
    if (errorRate + rateLimitRate > 1) {
      throw new IllegalArgumentException("errorRate + rateLimitRate must not exceed 1");
    }
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }

  public String describe() {
    return "mock latency " + latency.describe() + ", errors " + errorRate * 100 + "%, 429s "
        + rateLimitRate * 100 + "%, seed " + seed;
  }
}
