package dev.loadtest.stats;

import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdMetric;
import dev.loadtest.plan.ThresholdScope;
import java.util.List;

/** Judges thresholds against a snapshot. Stateless. */
public final class ThresholdEvaluator {

  private ThresholdEvaluator() {}

  public static List<ThresholdResult> evaluate(List<Threshold> thresholds, StatsSnapshot stats) {
    return evaluate(thresholds, stats, MonitorReadings.NONE);
  }

  /** Judges every threshold, monitor thresholds on the values {@code monitors} recorded. */
  public static List<ThresholdResult> evaluate(
      List<Threshold> thresholds, StatsSnapshot stats, MonitorReadings monitors) {
    return thresholds.stream().map(threshold -> evaluate(threshold, stats, monitors)).toList();
  }

  /** Judges one threshold, monitor thresholds on the values {@code monitors} recorded. */
  public static ThresholdResult evaluate(
      Threshold threshold, StatsSnapshot stats, MonitorReadings monitors) {
    if (threshold.metric() instanceof ThresholdMetric.Monitor monitor) {
      return evaluateMonitor(threshold, monitors.values(monitor.series()));
    }
    return evaluate(threshold, stats);
  }

  /** A distribution without values fails: there is no evidence it met the limit. */
  private static ThresholdResult evaluateCustom(Threshold threshold, ThresholdMetric.Custom metric,
      StatsSnapshot stats) {
    double observed = stats.custom().observe(metric, stats.elapsed());
    return new ThresholdResult(threshold, observed, !Double.isNaN(observed)
        && threshold.passes(observed));
  }

  /** The worst value decides: no sample may cross the limit. No samples, no pass. */
  private static ThresholdResult evaluateMonitor(Threshold threshold, double[] values) {
    if (values.length == 0) {
      return new ThresholdResult(threshold, Double.NaN, false);
    }
    boolean below = threshold.comparison() == Threshold.Comparison.BELOW;
    double worst = values[0];
    for (double value : values) {
      worst = below ? Math.max(worst, value) : Math.min(worst, value);
    }
    return new ThresholdResult(threshold, worst, threshold.passes(worst));
  }

  public static ThresholdResult evaluate(Threshold threshold, StatsSnapshot stats) {
    if (threshold.metric() instanceof ThresholdMetric.Monitor) {
      return evaluate(threshold, stats, MonitorReadings.NONE);
    }
    if (threshold.metric() instanceof ThresholdMetric.Custom custom) {
      return evaluateCustom(threshold, custom, stats);
    }
    RequestSummary summary = threshold.scope() instanceof ThresholdScope.OneRequest one
        ? stats.request(one.statsKey()) : stats.total();
    if (LlmThresholds.judges(threshold.metric())) {
      return LlmThresholds.evaluate(threshold, summary, stats);
    }
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
