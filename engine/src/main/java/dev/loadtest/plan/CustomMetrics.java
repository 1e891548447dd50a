package dev.loadtest.plan;

import java.util.List;
import java.util.Optional;

/**
 * Every custom metric a spec declares and every series its requests record into. Series keys
 * index {@link #series()}, so the engine records into a flat array. Immutable.
 *
 * @param metrics the metrics, in the order the spec first names them
 * @param series the series, in the order the spec first records into them
 */
public record CustomMetrics(List<CustomMetric> metrics, List<CustomSeries> series) {

  /** A spec without custom metrics. */
  public static final CustomMetrics NONE = new CustomMetrics(List.of(), List.of());

  public CustomMetrics {
    metrics = List.copyOf(metrics);
    series = List.copyOf(series);
  }

  public boolean isEmpty() {
    return metrics.isEmpty();
  }

  public Optional<CustomMetric> metric(String name) {
    return metrics.stream().filter(metric -> metric.name().equals(name)).findFirst();
  }

  /** The series of one metric, in key order. */
  public List<CustomSeries> seriesOf(String metricName) {
    return series.stream().filter(one -> one.metric().name().equals(metricName)).toList();
  }

  /** The metric names, for error messages. */
  public List<String> names() {
    return metrics.stream().map(CustomMetric::name).toList();
  }
}
