package dev.loadtest.plan;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One series of a custom metric: the metric and a set of static labels. Every request that
 * records the same metric with the same labels adds to the same series. Immutable.
 *
 * @param key index of this series in {@link CustomMetrics#series()}
 * @param metric the metric it belongs to
 * @param labels label names to values, sorted by name
 */
public record CustomSeries(int key, CustomMetric metric, Map<String, String> labels) {

  public CustomSeries {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** The labels as Prometheus writes them, e.g. {@code {agent="planner"}}; empty without. */
  public String labelText() {
    if (labels.isEmpty()) {
      return "";
    }
    return labels.entrySet().stream().map(entry -> entry.getKey() + "=\"" + entry.getValue()
        + "\"").collect(Collectors.joining(",", "{", "}"));
  }

  /** E.g. {@code agent_steps{agent="planner"}}. */
  public String describe() {
    return metric.name() + labelText();
  }
}
