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
  private final CustomMetrics customMetrics;

  ThresholdCompiler(NodeReader reader, RequestNames names) {
    this(reader, names, CustomMetrics.NONE);
  }

  /** @param customMetrics what requests record, for thresholds on {@code custom.NAME} */
  ThresholdCompiler(NodeReader reader, RequestNames names, CustomMetrics customMetrics) {
    this.reader = reader;
    this.names = names;
    this.customMetrics = customMetrics;
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
    if (metric instanceof ThresholdMetric.Custom custom) {
      checkCustom(node, custom);
    }
    if (metric instanceof ThresholdMetric.Monitor && node.has("abortOnFail")) {
      reader.problem(node.field("abortOnFail").orElseThrow(),
          "abortOnFail is not available for monitor thresholds; they are judged at the end");
    }
    if (isLlm(metric) && node.has("abortOnFail")) {
      reader.problem(node.field("abortOnFail").orElseThrow(), "abortOnFail is not available for "
          + metric.name() + "; LLM metrics and scores are judged at the end of the run");
    }
    boolean below = node.has("below");
    ScalarNode limitNode = reader.scalar(node, below ? "below" : "above").orElseThrow();
    return new Threshold(metric, scope(node), below ? Threshold.Comparison.BELOW
        : Threshold.Comparison.ABOVE, limit(metric, limitNode), reader.bool(node, "abortOnFail",
        false), reader.duration(node, "abortAfter").orElse(Duration.ZERO), limitNode.text());
  }

  /**
   * The metric must be declared, have the statistic, and cover all requests.
   *
   * <p>Limitation: a threshold on a custom metric judges all its series together; it cannot
   * pick one label value.
   */
  private void checkCustom(MapNode node, ThresholdMetric.Custom custom) {
    SpecNode metricNode = node.field("metric").orElseThrow();
    java.util.Optional<CustomMetric> declared = customMetrics.metric(custom.metric());
    if (declared.isEmpty()) {
      reader.problem(metricNode, "no custom metric named '" + custom.metric() + "' (declared"
          + " under a request's metrics: " + (customMetrics.isEmpty() ? "none"
          : String.join(", ", customMetrics.names())) + ")");
      return;
    }
    CustomMetric.Kind kind = declared.get().kind();
    if (!custom.statistic().appliesTo(kind)) {
      reader.problem(metricNode, "'" + custom.metric() + "' is a " + kind.label() + "; its"
          + " statistics are " + ThresholdMetric.CustomStatistic.namesFor(kind));
    }
    if (node.has("request")) {
      reader.problem(node.field("request").orElseThrow(), "a custom metric threshold judges"
          + " every series of the metric together; request: does not apply to it");
    }
  }

  private static boolean isLlm(ThresholdMetric metric) {
    return metric instanceof ThresholdMetric.Llm || metric instanceof ThresholdMetric.Cost
        || metric instanceof ThresholdMetric.Goodput || metric instanceof ThresholdMetric.Score;
  }

  static ThresholdMetric metric(String name) {
    return switch (name) {
      case "errorRate" -> new ThresholdMetric.ErrorRate();
      case "rps" -> new ThresholdMetric.RequestRate();
      case "latency.avg" -> latency(name, ThresholdMetric.LatencyStatistic.MEAN, 0);
      case "latency.min" -> latency(name, ThresholdMetric.LatencyStatistic.MIN, 0);
      case "latency.max" -> latency(name, ThresholdMetric.LatencyStatistic.MAX, 100);
      case "costPerRequest" -> new ThresholdMetric.Cost(true);
      case "totalCost" -> new ThresholdMetric.Cost(false);
      case "goodput" -> new ThresholdMetric.Goodput();
      case "cacheHitRatio" -> new ThresholdMetric.Score(ThresholdMetric.ScoreKind.CACHE_HIT_RATIO);
      case "userExperienceScore" ->
          new ThresholdMetric.Score(ThresholdMetric.ScoreKind.USER_EXPERIENCE);
      case "reliabilityScore" -> new ThresholdMetric.Score(ThresholdMetric.ScoreKind.RELIABILITY);
      default -> name.startsWith(ThresholdMetric.Custom.PREFIX)
          ? ThresholdMetric.Custom.parse(name)
          : name.startsWith("latency.") || name.startsWith(ThresholdMetric.Monitor.PREFIX)
          ? other(name) : llm(name);
    };
  }

  private static ThresholdMetric other(String name) {
    return name.startsWith(ThresholdMetric.Monitor.PREFIX)
        ? new ThresholdMetric.Monitor(name.substring(ThresholdMetric.Monitor.PREFIX.length()))
        : latency(name, ThresholdMetric.LatencyStatistic.PERCENTILE,
        Double.parseDouble(name.substring("latency.p".length())));
  }

  /** {@code ttft.p95}, {@code itl.avg}, {@code tokensPerSecond.p50}: the schema shaped it. */
  private static ThresholdMetric llm(String name) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("unknown threshold metric '" + name + "'");
    }
    String prefix = name.substring(0, dot);
    String statistic = name.substring(dot + 1);
    ThresholdMetric.LlmDistribution distribution = java.util.Arrays.stream(
        ThresholdMetric.LlmDistribution.values()).filter(d -> d.prefix().equals(prefix))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(
            "unknown threshold metric '" + name + "'"));
    return switch (statistic) {
      case "avg" -> new ThresholdMetric.Llm(name, distribution,
          ThresholdMetric.LatencyStatistic.MEAN, 0);
      case "min" -> new ThresholdMetric.Llm(name, distribution,
          ThresholdMetric.LatencyStatistic.MIN, 0);
      case "max" -> new ThresholdMetric.Llm(name, distribution,
          ThresholdMetric.LatencyStatistic.MAX, 100);
      default -> new ThresholdMetric.Llm(name, distribution,
          ThresholdMetric.LatencyStatistic.PERCENTILE, Double.parseDouble(statistic.substring(1)));
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
    if (metric instanceof ThresholdMetric.Latency || metric instanceof ThresholdMetric.Llm llm
        && llm.distribution().isTime()) {
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
    if (metric instanceof ThresholdMetric.Custom) {
      return customLimit(limit);
    }
    if (metric instanceof ThresholdMetric.Cost) {
      return costLimit(limit);
    }
    if (metric instanceof ThresholdMetric.ErrorRate || metric instanceof ThresholdMetric.Score) {
      if (Quantities.isPercent(text)) {
        return Quantities.parsePercent(text);
      }
      if (limit.isNumber() && limit.asDouble() <= 1) {
        return limit.asDouble();
      }
      reader.problem(limit, (metric instanceof ThresholdMetric.ErrorRate ? "an error rate limit"
          : "a limit on " + metric.name()) + " is a share, like 1% or 0.01, got '" + text + "'");
      return 0;
    }
    if (!limit.isNumber()) {
      reader.problem(limit, metric instanceof ThresholdMetric.RequestRate
          ? "a rate limit is a number of requests per second, like 100, got '" + text + "'"
          : "a limit on " + metric.name() + " is a number of " + metric.unit() + ", like 100,"
          + " got '" + text + "'");
      return 0;
    }
    return limit.asDouble();
  }

  /** Dollars, written as a number ({@code 0.002}) or with a dollar sign ({@code $0.002}). */
  private double costLimit(ScalarNode limit) {
    String text = limit.text().startsWith("$") ? limit.text().substring(1) : limit.text();
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      reader.problem(limit, "a cost limit is US dollars, like 0.002 or $0.002, got '"
          + limit.text() + "'");
      return 0;
    }
  }

  /** A custom metric's limit is a plain number in the metric's own unit. */
  private double customLimit(ScalarNode limit) {
    if (!limit.isNumber()) {
      reader.problem(limit, "a limit on a custom metric is a number in the metric's unit, like 8,"
          + " got '" + limit.text() + "'");
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
