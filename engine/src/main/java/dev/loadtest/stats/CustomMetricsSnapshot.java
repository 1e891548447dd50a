package dev.loadtest.stats;

import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.CustomSeries;
import dev.loadtest.plan.ThresholdMetric;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the custom metrics recorded, per series, over the run. Immutable by convention.
 *
 * @param declared the metrics and series the plan declares
 * @param series the values of every declared series, in key order
 */
public record CustomMetricsSnapshot(CustomMetrics declared, List<CustomSeriesValues> series) {

  /** A run without custom metrics. */
  public static final CustomMetricsSnapshot EMPTY =
      new CustomMetricsSnapshot(CustomMetrics.NONE, List.of());

  public CustomMetricsSnapshot {
    series = List.copyOf(series);
  }

  public boolean present() {
    return !series.isEmpty();
  }

  /** Every series of a metric together; empty when the run declared no such metric. */
  public Optional<CustomSeriesValues> combined(String metricName) {
    Optional<CustomMetric> metric = declared.metric(metricName);
    if (metric.isEmpty()) {
      return Optional.empty();
    }
    CustomSeries all = new CustomSeries(-1, metric.get(), java.util.Map.of());
    CustomSeriesValues total = CustomSeriesValues.empty(all);
    for (CustomSeriesValues one : series) {
      if (one.series().metric().name().equals(metricName)) {
        total = total.plus(one, all);
      }
    }
    return Optional.of(total);
  }

  /** The statistic a threshold judges, over every series of its metric; NaN without values. */
  public double observe(ThresholdMetric.Custom metric, Duration elapsed) {
    return combined(metric.metric()).map(values -> values.statistic(metric, elapsed))
        .orElse(Double.NaN);
  }
}
