package dev.loadtest.report;

import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a person outside the team can read: the share of requests fast enough for a user and
 * the share that succeeded. Cost per request and cache efficiency join them when responses
 * carry LLM token usage. Stateless.
 */
public final class BusinessMetrics {

  /** A request answered within this time counts as a good experience. */
  public static final long GOOD_EXPERIENCE_NANOS = 2_000_000_000L;

  private BusinessMetrics() {}

  /**
   * The share of requests completed within {@link #GOOD_EXPERIENCE_NANOS}, 0..1, within the
   * histograms' 0.1% precision; 0 when there were none.
   */
  public static double userExperienceScore(RequestSummary summary) {
    if (summary.requests() == 0) {
      return 0;
    }
    long within = summary.latencies().getCountBetweenValues(0, GOOD_EXPERIENCE_NANOS);
    return (double) within / summary.requests();
  }

  /** The share of requests that succeeded, 0..1; 0 when there were none. */
  public static double reliabilityScore(RequestSummary summary) {
    return summary.requests() == 0 ? 0 : 1 - summary.errorRate();
  }

  static List<Map<String, String>> rows(StatsSnapshot stats) {
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(Map.of("label", "User experience score",
        "value", percent(stats.llm().userExperienceScore(stats.total())),
        "explanation", "requests answered within " + dev.loadtest.spec.Quantities.formatDuration(
            stats.llm().scores().userExperienceLatency())));
    rows.add(Map.of("label", "Reliability score",
        "value", percent(reliabilityScore(stats.total())),
        "explanation", "requests that succeeded"));
    if (stats.llm().present()) {
      rows.addAll(LlmFigures.businessRows(stats));
    }
    return rows;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
