package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecDocument;
import dev.loadtest.spec.SpecException;
import dev.loadtest.spec.SpecNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the spec's {@code metrics} section into a {@link MetricsPlan}, checking what the
 * schema cannot: constant labels that would clash with the exporter's own, series names used
 * twice, and monitor thresholds naming a series no monitor records. Reports every problem at once.
 */
public final class MetricsCompiler {

  /** Labels the exporter sets itself; constant labels may not reuse them. */
  static final Set<String> RESERVED_LABELS = Set.of("run_id", "scenario", "request", "kind",
      "status", "threshold", "monitor", "series", "le", "job", "instance", "direction");

  private final NodeReader reader = new NodeReader();

  /** @throws SpecException listing every problem found */
  public MetricsPlan compile(SpecDocument document) throws SpecException {
    MapNode root = document.root();
    MetricsPlan plan = reader.map(root, "metrics").map(this::metrics).orElse(MetricsPlan.NONE);
    checkMonitorThresholds(root, plan);
    if (!reader.problems().isEmpty()) {
      throw new SpecException(reader.problems());
    }
    return plan;
  }

  private MetricsPlan metrics(MapNode node) {
    MetricsPlan.Server server = node.has("port")
        ? new MetricsPlan.Server.Serve(reader.text(node, "host", MetricsPlan.DEFAULT_HOST),
            (int) reader.integer(node, "port", 0))
        : new MetricsPlan.Server.None();
    return new MetricsPlan(server, reader.text(node, "runId", ""), labels(node, true),
        push(node), monitors(node));
  }

  private Map<String, String> labels(MapNode parent, boolean constant) {
    Map<String, String> labels = new LinkedHashMap<>();
    reader.map(parent, "labels").ifPresent(map -> map.fields().forEach((name, value) -> {
      if (constant && RESERVED_LABELS.contains(name)) {
        reader.problem(value, "label '" + name + "' is set by loadtest itself; reserved: "
            + String.join(", ", RESERVED_LABELS.stream().sorted().toList()));
      }
      labels.put(name, ((ScalarNode) value).text());
    }));
    return labels;
  }

  private MetricsPlan.Push push(MapNode node) {
    return reader.map(node, "pushgateway").<MetricsPlan.Push>map(gateway ->
        new MetricsPlan.Push.Gateway(URI.create(reader.text(gateway, "url", "")),
            reader.duration(gateway, "interval").orElse(MetricsPlan.DEFAULT_PUSH_INTERVAL),
            reader.text(gateway, "job", MetricsPlan.DEFAULT_JOB)))
        .orElse(new MetricsPlan.Push.None());
  }

  private List<MetricsPlan.Monitor> monitors(MapNode node) {
    List<MetricsPlan.Monitor> monitors = new ArrayList<>();
    Set<String> seriesNames = new HashSet<>();
    for (SpecNode element : reader.list(node, "monitors")) {
      MapNode monitor = (MapNode) element;
      List<MetricsPlan.Series> series = new ArrayList<>();
      for (SpecNode seriesNode : reader.list(monitor, "series")) {
        series.add(series((MapNode) seriesNode, seriesNames));
      }
      monitors.add(new MetricsPlan.Monitor(reader.text(monitor, "name", ""),
          URI.create(reader.text(monitor, "url", "")),
          reader.duration(monitor, "interval").orElse(MetricsPlan.DEFAULT_MONITOR_INTERVAL),
          series));
    }
    return monitors;
  }

  private MetricsPlan.Series series(MapNode node, Set<String> seen) {
    ScalarNode name = reader.scalar(node, "name").orElseThrow();
    if (!seen.add(name.text())) {
      reader.problem(name, "series name '" + name.text() + "' is used twice; thresholds and"
          + " reports need each name once");
    }
    return new MetricsPlan.Series(name.text(), reader.text(node, "metric", ""),
        labels(node, false));
  }

  private void checkMonitorThresholds(MapNode root, MetricsPlan plan) {
    Set<String> known = new HashSet<>();
    plan.monitors().forEach(monitor -> monitor.series().forEach(s -> known.add(s.name())));
    for (SpecNode element : reader.list(root, "thresholds")) {
      ScalarNode metric = reader.scalar((MapNode) element, "metric").orElse(null);
      if (metric == null || !metric.text().startsWith(ThresholdMetric.Monitor.PREFIX)) {
        continue;
      }
      String series = metric.text().substring(ThresholdMetric.Monitor.PREFIX.length());
      if (!known.contains(series)) {
        reader.problem(metric, "no monitor series named '" + series + "' (series: "
            + (known.isEmpty() ? "none; add metrics.monitors" : String.join(", ",
            known.stream().sorted().toList())) + ")");
      }
    }
  }
}
