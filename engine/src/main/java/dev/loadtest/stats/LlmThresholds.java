package dev.loadtest.stats;

import dev.loadtest.plan.ScoreSettings;
import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdMetric;
import dev.loadtest.plan.ThresholdScope;
import org.HdrHistogram.Histogram;

/**
 * Judges thresholds on LLM metrics and scores. A metric with nothing to measure (no LLM
 * answers, no cache rule) fails: no evidence is not a pass. Stateless.
 */
final class LlmThresholds {

  private LlmThresholds() {}

  /** True for the metrics this class judges. */
  static boolean judges(ThresholdMetric metric) {
    return metric instanceof ThresholdMetric.Llm || metric instanceof ThresholdMetric.Cost
        || metric instanceof ThresholdMetric.Goodput || metric instanceof ThresholdMetric.Score;
  }

  static ThresholdResult evaluate(Threshold threshold, RequestSummary summary,
      StatsSnapshot stats) {
    LlmSummary llm = threshold.scope() instanceof ThresholdScope.OneRequest one
        ? stats.llm().request(one.name()) : stats.llm().total();
    double observed = observe(threshold.metric(), summary, llm, stats);
    return new ThresholdResult(threshold, observed,
        !Double.isNaN(observed) && threshold.passes(observed));
  }

  private static double observe(ThresholdMetric metric, RequestSummary summary, LlmSummary llm,
      StatsSnapshot stats) {
    if (metric instanceof ThresholdMetric.Llm distribution) {
      return statistic(distribution, llm);
    }
    if (metric instanceof ThresholdMetric.Cost cost) {
      if (llm.totals().requests() == 0) {
        return Double.NaN;
      }
      return cost.perRequest() ? llm.totals().costPerRequestUsd() : llm.totals().costUsd();
    }
    if (metric instanceof ThresholdMetric.Goodput) {
      double seconds = stats.elapsed().toNanos() / 1e9;
      return llm.totals().requests() == 0 || seconds <= 0 ? Double.NaN
          : llm.totals().good() / seconds;
    }
    ThresholdMetric.Score score = (ThresholdMetric.Score) metric;
    if (summary.requests() == 0 && score.kind() != ThresholdMetric.ScoreKind.CACHE_HIT_RATIO) {
      return Double.NaN;
    }
    return switch (score.kind()) {
      case CACHE_HIT_RATIO -> llm.totals().cacheHitRatio();
      case USER_EXPERIENCE -> userExperienceScore(summary, stats.llm().scores());
      case RELIABILITY -> 1 - summary.errorRate();
    };
  }

  /**
   * The share of requests completed within the user-experience latency, 0..1, within the
   * histograms' 0.1% precision; 0 without requests.
   */
  static double userExperienceScore(RequestSummary summary, ScoreSettings scores) {
    if (summary.requests() == 0) {
      return 0;
    }
    long within = summary.latencies().getCountBetweenValues(0,
        scores.userExperienceLatency().toNanos());
    return Math.min(1, (double) within / summary.requests());
  }

  private static double statistic(ThresholdMetric.Llm metric, LlmSummary llm) {
    Histogram values = switch (metric.distribution()) {
      case TTFT -> llm.ttft();
      case ITL -> llm.interToken();
      case TPOT -> llm.timePerOutputToken();
      case TOKENS_PER_SECOND -> llm.milliTokensPerSecond();
    };
    if (values.getTotalCount() == 0) {
      return Double.NaN;
    }
    // Times are kept in nanoseconds and limits are milliseconds; rates in thousandths.
    double scale = metric.distribution().isTime() ? 1e6 : 1e3;
    return switch (metric.statistic()) {
      case MEAN -> values.getMean() / scale;
      case MIN -> values.getMinValue() / scale;
      case MAX -> values.getMaxValue() / scale;
      case PERCENTILE -> values.getValueAtPercentile(metric.percentile()) / scale;
    };
  }
}
