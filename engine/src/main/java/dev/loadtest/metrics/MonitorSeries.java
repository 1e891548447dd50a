package dev.loadtest.metrics;

import java.util.List;
import java.util.Map;

/**
 * One target-monitor series recorded over a run, for reports. Immutable.
 *
 * @param monitor the monitor's name
 * @param name the series name (thresholds say {@code monitor.NAME})
 * @param metric the Prometheus metric it was read from
 * @param labels the label values samples had to match
 * @param points the recorded values, oldest first
 */
public record MonitorSeries(String monitor, String name, String metric,
    Map<String, String> labels, List<Point> points) {

  public MonitorSeries {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /**
   * One reading.
   *
   * @param elapsedMillis time since the load started, milliseconds
   * @param value the sum of the matching samples, in the target's unit
   */
  public record Point(long elapsedMillis, double value) {}
}
