package dev.loadtest.plan;

import java.time.Duration;
import java.util.Locale;

/**
 * A pass/fail criterion: a metric of all requests or of one request name, compared strictly
 * with a limit.
 *
 * @param metric what is measured
 * @param scope all requests, or one request name
 * @param comparison below or above
 * @param limit the limit, in the metric's unit ({@link ThresholdMetric#unit()})
 * @param abortOnFail stop the run as soon as it fails
 * @param abortAfter time from the start before it may stop the run
 * @param written how the user wrote the limit, e.g. {@code 2s} or {@code 0.1%}
 */
public record Threshold(
    ThresholdMetric metric,
    ThresholdScope scope,
    Comparison comparison,
    double limit,
    boolean abortOnFail,
    Duration abortAfter,
    String written) {

  /** Strict comparisons: a limit is a limit. */
  public enum Comparison {
    BELOW("<"), ABOVE(">");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** True when the observed value meets the threshold. */
  public boolean passes(double observed) {
    if (comparison == Comparison.BELOW && limit == 0) {
      // "Below zero" can only mean "none at all", e.g. errorRate below 0%.
      return observed <= 0;
    }
    return comparison == Comparison.BELOW ? observed < limit : observed > limit;
  }

  /** A stable name, e.g. {@code latency.p95 < 2s} or {@code latency.p99{checkout} < 3s}. */
  public String name() {
    return metric.name() + scope.suffix() + " " + comparison.symbol() + " " + written;
  }

  /** The observed value in the metric's unit, e.g. {@code 812.4 ms}. */
  public String formatObserved(double observed) {
    return metric.format(observed);
  }

  public String describe() {
    return name() + (abortOnFail ? " (aborts the run when it fails)" : "");
  }

  @Override
  public String toString() {
    return "Threshold[" + name() + String.format(Locale.ROOT, ", limit=%s]", limit);
  }
}
