package dev.loadtest.plan;

import dev.loadtest.spec.Quantities;
import java.time.Duration;

/**
 * What the scores count as good: the latency a user finds acceptable, and the service-level
 * objectives a request must meet to count toward goodput. A zero objective is not applied.
 *
 * @param userExperienceLatency a request answered within this counts as a good experience
 * @param ttftObjective time to first token a good request stays within
 * @param tpotObjective time per output token a good request stays within
 * @param latencyObjective end-to-end latency a good request stays within
 */
public record ScoreSettings(Duration userExperienceLatency, Duration ttftObjective,
    Duration tpotObjective, Duration latencyObjective) {

  /** Two seconds for a good experience, as the framework this project replaces; no SLOs. */
  public static final ScoreSettings DEFAULT =
      new ScoreSettings(Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO, Duration.ZERO);

  /**
   * True when a request meets every objective set. An objective on TPOT is met by a request
   * with a single output token, which has no time per output token.
   *
   * @param tpotNanos time per output token, or a negative value when undefined
   */
  public boolean meetsObjectives(long ttftNanos, long tpotNanos, long latencyNanos) {
    return within(ttftNanos, ttftObjective) && (tpotNanos < 0 || within(tpotNanos, tpotObjective))
        && within(latencyNanos, latencyObjective);
  }

  private static boolean within(long nanos, Duration objective) {
    return objective.isZero() || nanos <= objective.toNanos();
  }

  public String describe() {
    StringBuilder text = new StringBuilder("good experience within "
        + Quantities.formatDuration(userExperienceLatency));
    if (!ttftObjective.isZero()) {
      text.append(", SLO TTFT ").append(Quantities.formatDuration(ttftObjective));
    }
    if (!tpotObjective.isZero()) {
      text.append(", SLO TPOT ").append(Quantities.formatDuration(tpotObjective));
    }
    if (!latencyObjective.isZero()) {
      text.append(", SLO latency ").append(Quantities.formatDuration(latencyObjective));
    }
    return text.toString();
  }
}
