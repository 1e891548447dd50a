package dev.loadtest.stats;

import dev.loadtest.plan.ScoreSettings;
import java.util.List;

/**
 * The LLM side of a run, frozen: one summary per request name that had LLM answers, the
 * aggregate, and what the scores count as good. Empty for runs without LLM requests.
 *
 * @param requests per request name with LLM answers, in plan order
 * @param total all LLM answers together, named "Aggregated"
 * @param scores the user-experience latency and goodput objectives the run used
 */
public record LlmSnapshot(List<LlmSummary> requests, LlmSummary total, ScoreSettings scores) {

  /** A run without LLM answers, scored with the defaults. */
  public static final LlmSnapshot EMPTY =
      new LlmSnapshot(List.of(), LlmSummary.empty("Aggregated"), ScoreSettings.DEFAULT);

  public LlmSnapshot {
    requests = List.copyOf(requests);
  }

  /** True when the run measured at least one LLM answer or token gap. */
  public boolean present() {
    return !requests.isEmpty();
  }

  /** The summary of a request name; an empty one when it had no LLM answers. */
  public LlmSummary request(String name) {
    return requests.stream().filter(summary -> summary.name().equals(name)).findFirst()
        .orElse(LlmSummary.empty(name));
  }

  /**
   * The share of requests answered within {@link ScoreSettings#userExperienceLatency()}, 0..1,
   * within the histograms' 0.1% precision; 0 without requests.
   */
  public double userExperienceScore(RequestSummary summary) {
    return LlmThresholds.userExperienceScore(summary, scores);
  }

  /** This snapshot with other scores, e.g. those of a saved run's plan. */
  public LlmSnapshot withScores(ScoreSettings newScores) {
    return new LlmSnapshot(requests, total, newScores);
  }
}
