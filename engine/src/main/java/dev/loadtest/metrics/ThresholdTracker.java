package dev.loadtest.metrics;

import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdMetric;
import dev.loadtest.stats.CustomMetricsSnapshot;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.LatencyHistograms;
import dev.loadtest.stats.MonitorReadings;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdEvaluator;
import dev.loadtest.stats.ThresholdResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Judges every threshold after each interval, on the run so far, for the threshold-state gauge.
 * Keeps its own cumulative histograms from the intervals, so it never asks the engine for a
 * snapshot. Not thread-safe: the sampler thread feeds it.
 */
final class ThresholdTracker {

  private final List<Threshold> thresholds;
  private final MonitorReadings monitors;
  private final List<String> names;
  private final Histogram[] cumulative;
  private final long[] failures;
  private final Histogram total = LatencyHistograms.newHistogram();
  private final CustomMetrics declared;
  /** The custom series so far; kept only when a threshold judges a custom metric. */
  private final CustomSeriesValues[] custom;

  ThresholdTracker(List<Threshold> thresholds, List<String> requestNames,
      MonitorReadings monitors, CustomMetrics declared) {
    this.thresholds = List.copyOf(thresholds);
    this.declared = declared;
    boolean judgesCustom = thresholds.stream()
        .anyMatch(threshold -> threshold.metric() instanceof ThresholdMetric.Custom);
    this.custom = judgesCustom ? declared.series().stream().map(CustomSeriesValues::empty)
        .toArray(CustomSeriesValues[]::new) : new CustomSeriesValues[0];
    this.monitors = monitors;
    this.names = List.copyOf(requestNames);
    this.cumulative = new Histogram[names.size()];
    this.failures = new long[names.size()];
  }

  /** Folds the interval in and judges every threshold on the run so far. */
  List<ThresholdResult> observe(Interval interval) {
    if (thresholds.isEmpty()) {
      return List.of();
    }
    for (int key = 0; key < interval.requests().size() && key < cumulative.length; key++) {
      Interval.RequestInterval request = interval.requests().get(key);
      if (cumulative[key] == null) {
        cumulative[key] = LatencyHistograms.newHistogram();
      }
      cumulative[key].add(request.latencies());
      total.add(request.latencies());
      failures[key] += request.failures();
    }
    for (CustomSeriesValues values : interval.custom()) {
      int key = values.series().key();
      if (key >= 0 && key < custom.length) {
        custom[key] = custom[key].plus(values, values.series());
      }
    }
    return ThresholdEvaluator.evaluate(thresholds, snapshot(interval.endNanos()), monitors);
  }

  private StatsSnapshot snapshot(long elapsedNanos) {
    List<RequestSummary> summaries = new ArrayList<>();
    long allFailures = 0;
    for (int key = 0; key < names.size(); key++) {
      Histogram latencies = cumulative[key] != null ? cumulative[key]
          : LatencyHistograms.newHistogram();
      summaries.add(new RequestSummary(names.get(key), latencies, failures[key]));
      allFailures += failures[key];
    }
    return new StatsSnapshot(Duration.ofNanos(elapsedNanos), summaries,
        new RequestSummary("Aggregated", total, allFailures), List.of(), List.of(), 0)
        .withCustom(custom.length == 0 ? CustomMetricsSnapshot.EMPTY
            : new CustomMetricsSnapshot(declared, List.of(custom)));
  }

  @Override
  public String toString() {
    return "ThresholdTracker[" + thresholds.size() + " thresholds, total requests "
        + total.getTotalCount() + "]";
  }
}
