package dev.loadtest.stats;

import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdMetric;
import dev.loadtest.plan.ThresholdScope;
import java.util.List;

/** Judges thresholds against a snapshot. Stateless. */
public final class ThresholdEvaluator {

  private ThresholdEvaluator() {}

  public static List<ThresholdResult> evaluate(List<Threshold> thresholds, StatsSnapshot stats) {
    return thresholds.stream().map(threshold -> evaluate(threshold, stats)).toList();
  }

  public static ThresholdResult evaluate(Threshold threshold, StatsSnapshot stats) {
    RequestSummary summary = threshold.scope() instanceof ThresholdScope.OneRequest one
        ? stats.request(one.statsKey()) : stats.total();
    double observed = observe(threshold.metric(), summary, stats);
    // No requests at all is no evidence of meeting a latency or rate target.
    boolean passed = summary.requests() > 0 && threshold.passes(observed);
    return new ThresholdResult(threshold, observed, passed);
  }

  private static double observe(
      ThresholdMetric metric, RequestSummary summary, StatsSnapshot stats) {
    if (metric instanceof ThresholdMetric.ErrorRate) {
      return summary.errorRate();
    }
    if (metric instanceof ThresholdMetric.RequestRate) {
      return summary.requestsPerSecond(stats.elapsed());
    }
    ThresholdMetric.Latency latency = (ThresholdMetric.Latency) metric;
    return switch (latency.statistic()) {
      case MEAN -> summary.meanMillis();
      case MIN -> summary.minMillis();
      case MAX -> summary.maxMillis();
      case PERCENTILE -> summary.percentileMillis(latency.percentile());
    };
  }
}
