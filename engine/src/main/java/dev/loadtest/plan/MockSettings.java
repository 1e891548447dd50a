package dev.loadtest.plan;

/**
 * How the built-in mock target behaves: how long it waits before answering and how often it
 * fails. Deterministic for a given seed.
 *
 * @param latency the wait before each answer
 * @param errorRate share of requests answered with 500, 0..1
 * @param rateLimitRate share of requests answered with 429 and a Retry-After header, 0..1
 * @param seed seed of the mock's random choices
 * @param stall periodic freezes of the whole target, like a garbage-collection pause
 * @param llm how {@code /v1/chat/completions} answers
 */
public record MockSettings(
    LatencyDistribution latency, double errorRate, double rateLimitRate, long seed, Stall stall,
    LlmMockSettings llm) {

  /** A mock whose chat endpoint answers with {@link LlmMockSettings#DEFAULT}. */
  public MockSettings(LatencyDistribution latency, double errorRate, double rateLimitRate,
      long seed, Stall stall) {
    this(latency, errorRate, rateLimitRate, seed, stall, LlmMockSettings.DEFAULT);
  }

  /**
   * The target freezes for {@code length} at the end of every {@code every}: a request that
   * arrives during a freeze is answered only after it, then after its usual latency.
   */
  public record Stall(java.time.Duration every, java.time.Duration length) {
    /** Never freezes. */
    public static final Stall NONE = new Stall(java.time.Duration.ZERO, java.time.Duration.ZERO);

    public Stall {
      if (length.isNegative() || every.isNegative() || !every.isZero()
          && length.compareTo(every) >= 0) {
        throw new IllegalArgumentException("a stall must be shorter than its period");
      }
    }

    /** Extra wait of a request arriving {@code sinceStartNanos} after the target started. */
    public long extraDelayNanos(long sinceStartNanos) {
      if (every.isZero() || length.isZero()) {
        return 0;
      }
      long period = every.toNanos();
      long intoPeriod = sinceStartNanos % period;
      long freezeStart = period - length.toNanos();
      return intoPeriod < freezeStart ? 0 : period - intoPeriod;
    }
  }

  /** A mock that never stalls. */
  public MockSettings(LatencyDistribution latency, double errorRate, double rateLimitRate,
      long seed) {
    this(latency, errorRate, rateLimitRate, seed, Stall.NONE);
  }

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
    String stalls = stall.every().isZero() ? "" : ", stalls "
        + dev.loadtest.spec.Quantities.formatDuration(stall.length()) + " every "
        + dev.loadtest.spec.Quantities.formatDuration(stall.every());
    return "mock latency " + latency.describe() + ", errors " + errorRate * 100 + "%, 429s "
        + rateLimitRate * 100 + "%, seed " + seed + stalls
        + (llm.equals(LlmMockSettings.DEFAULT) ? "" : ", " + llm.describe());
  }
}
