package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.Quantities;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Compiles {@code thresholds}, checking that each limit has the metric's kind of unit. */
final class ThresholdCompiler {

  private final NodeReader reader;
  private final RequestNames names;

  ThresholdCompiler(NodeReader reader, RequestNames names) {
    this.reader = reader;
    this.names = names;
  }

  List<Threshold> compile(MapNode root) {
    List<Threshold> thresholds = new ArrayList<>();
    for (SpecNode node : reader.list(root, "thresholds")) {
      thresholds.add(threshold((MapNode) node));
    }
    return thresholds;
  }

  private Threshold threshold(MapNode node) {
    ThresholdMetric metric = metric(reader.text(node, "metric", "rps"));
    if (metric instanceof ThresholdMetric.Monitor && node.has("abortOnFail")) {
      reader.problem(node.field("abortOnFail").orElseThrow(),
          "abortOnFail is not available for monitor thresholds; they are judged at the end");
    }
    boolean below = node.has("below");
    ScalarNode limitNode = reader.scalar(node, below ? "below" : "above").orElseThrow();
    return new Threshold(metric, scope(node), below ? Threshold.Comparison.BELOW
        : Threshold.Comparison.ABOVE, limit(metric, limitNode), reader.bool(node, "abortOnFail",
        false), reader.duration(node, "abortAfter").orElse(Duration.ZERO), limitNode.text());
  }

  static ThresholdMetric metric(String name) {
    return switch (name) {
      case "errorRate" -> new ThresholdMetric.ErrorRate();
      case "rps" -> new ThresholdMetric.RequestRate();
      case "latency.avg" -> latency(name, ThresholdMetric.LatencyStatistic.MEAN, 0);
      case "latency.min" -> latency(name, ThresholdMetric.LatencyStatistic.MIN, 0);
      case "latency.max" -> latency(name, ThresholdMetric.LatencyStatistic.MAX, 100);
      default -> name.startsWith(ThresholdMetric.Monitor.PREFIX)
          ? new ThresholdMetric.Monitor(name.substring(ThresholdMetric.Monitor.PREFIX.length()))
          : latency(name, ThresholdMetric.LatencyStatistic.PERCENTILE,
          Double.parseDouble(name.substring("latency.p".length())));
    };
  }

  private static ThresholdMetric latency(
      String name, ThresholdMetric.LatencyStatistic statistic, double percentile) {
    return new ThresholdMetric.Latency(name, statistic, percentile);
  }

  private ThresholdScope scope(MapNode node) {
    if (!node.has("request")) {
      return new ThresholdScope.AllRequests();
    }
    ScalarNode request = reader.scalar(node, "request").orElseThrow();
    if (!names.contains(request.text())) {
      reader.problem(request, "no request named '" + request.text() + "' (requests: "
          + String.join(", ", names.all()) + ")");
      return new ThresholdScope.AllRequests();
    }
    return new ThresholdScope.OneRequest(request.text(), names.keyOf(request.text()));
  }

  /** Converts the written limit to the metric's unit: ms, a fraction, or requests/s. */
  private double limit(ThresholdMetric metric, ScalarNode limit) {
    String text = limit.text();
    if (metric instanceof ThresholdMetric.Latency) {
      if (!Quantities.isDuration(text)) {
        reader.problem(limit, "a latency limit needs a unit, like 500ms or 2s, got '" + text
            + "'");
        return 0;
      }
      return Quantities.parseDuration(text).toNanos() / 1e6;
    }
    if (metric instanceof ThresholdMetric.Monitor) {
      return monitorLimit(limit);
    }
    if (metric instanceof ThresholdMetric.ErrorRate) {
      if (Quantities.isPercent(text)) {
        return Quantities.parsePercent(text);
      }
      if (limit.isNumber() && limit.asDouble() <= 1) {
        return limit.asDouble();
      }
      reader.problem(limit, "an error rate limit is a share, like 1% or 0.01, got '" + text + "'");
      return 0;
    }
    if (!limit.isNumber()) {
      reader.problem(limit, "a rate limit is a number of requests per second, like 100, got '"
          + text + "'");
      return 0;
    }
    return limit.asDouble();
  }

  /** A monitor limit is a plain number in the series' unit, or a percentage of a ratio. */
  private double monitorLimit(ScalarNode limit) {
    if (Quantities.isPercent(limit.text())) {
      return Quantities.parsePercent(limit.text());
    }
    if (!limit.isNumber()) {
      reader.problem(limit, "a monitor limit is a number, like 80, or a percentage of a ratio,"
          + " like 80%, got '" + limit.text() + "'");
      return 0;
    }
    return limit.asDouble();
  }
}
