package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles the {@code metrics:} lists of requests into {@link MetricRecording}s, and gathers
 * the metrics and series they declare. Checks what the schema cannot: every request naming a
 * metric agrees on its kind, unit, help, buckets and label names; labels do not clash with the
 * exporter's own; a request does not record the same series twice. Used by one compiling thread.
 */
final class CustomMetricsCompiler {

  /** Suffixes Prometheus adds on export; a name ending in one would read as another series. */
  private static final List<String> RESERVED_SUFFIXES = List.of("_total", "_bucket", "_count",
      "_sum", "_created", "_info");
  /** The keys a recording's value may come from; one at most. */
  private static final List<String> VALUE_SOURCES = List.of("jsonPath", "header", "value");
  /** The missing-values counter tells metrics apart by this label. */
  private static final String METRIC_LABEL = "metric";

  private final NodeReader reader;
  private final Set<String> reservedLabels;
  private final Map<String, Declared> metrics = new LinkedHashMap<>();
  private final Map<String, CustomSeries> series = new LinkedHashMap<>();

  /** @param constantLabels the spec's {@code metrics.labels}, on every series already */
  CustomMetricsCompiler(NodeReader reader, Set<String> constantLabels) {
    this.reader = reader;
    Set<String> reserved = new TreeSet<>(MetricsCompiler.RESERVED_LABELS);
    reserved.add(METRIC_LABEL);
    reserved.addAll(constantLabels);
    this.reservedLabels = reserved;
  }

  /** The spec's constant label names, read from {@code metrics.labels}. */
  static Set<String> constantLabels(NodeReader reader, MapNode root) {
    return reader.map(root, "metrics").flatMap(metrics -> reader.map(metrics, "labels"))
        .map(labels -> labels.fields().keySet()).orElse(Set.of());
  }

  /** The recordings of one request's {@code metrics:} list; empty when it has none. */
  List<MetricRecording> recordings(MapNode request) {
    List<MetricRecording> recordings = new ArrayList<>();
    Set<Integer> recorded = new HashSet<>();
    for (SpecNode item : reader.list(request, "metrics")) {
      MapNode node = (MapNode) item;
      CustomMetric metric = declare(node);
      CustomSeries one = series(metric, labels(node));
      if (!recorded.add(one.key())) {
        reader.problem(node, "this request already records into " + one.describe()
            + "; give each recording its own name or labels");
      }
      recordings.add(new MetricRecording(one, value(node, metric)));
    }
    return recordings;
  }

  /** Everything declared so far. */
  CustomMetrics build() {
    return new CustomMetrics(metrics.values().stream().map(Declared::metric).toList(),
        List.copyOf(series.values()));
  }

  private CustomMetric declare(MapNode node) {
    ScalarNode nameNode = reader.scalar(node, "name").orElseThrow();
    String name = nameNode.text();
    RESERVED_SUFFIXES.stream().filter(name::endsWith).findFirst().ifPresent(suffix ->
        reader.problem(nameNode, "a metric name may not end in '" + suffix + "': Prometheus"
            + " adds that suffix itself on export"));
    CustomMetric.Kind kind = reader.text(node, "type", "counter").equals("histogram")
        ? CustomMetric.Kind.HISTOGRAM : CustomMetric.Kind.COUNTER;
    CustomMetric metric = new CustomMetric(name, kind, reader.text(node, "unit", ""),
        reader.text(node, "help", ""), buckets(node, kind));
    Declared earlier = metrics.get(name);
    if (earlier == null) {
      metrics.put(name, new Declared(metric, node, labelNames(node)));
      return metric;
    }
    agree(earlier, metric, node);
    return earlier.metric();
  }

  /** A later request naming a metric must say the same of it, or leave the detail out. */
  private void agree(Declared earlier, CustomMetric metric, MapNode node) {
    String where = " at " + earlier.node().location().describe();
    if (earlier.metric().kind() != metric.kind()) {
      reader.problem(node.field("type").orElse(node), "metric '" + metric.name() + "' is a "
          + earlier.metric().kind().label() + where + ", not a " + metric.kind().label());
    }
    differs(node, "unit", earlier.metric().unit(), metric.unit(), where);
    differs(node, "help", earlier.metric().help(), metric.help(), where);
    if (node.has("buckets") && !earlier.metric().buckets().equals(metric.buckets())) {
      reader.problem(node.field("buckets").orElseThrow(), "metric '" + metric.name()
          + "' has the buckets " + earlier.metric().buckets() + where
          + "; give them once, or the same");
    }
    Set<String> labels = labelNames(node);
    if (!labels.equals(earlier.labelNames())) {
      reader.problem(node.field("labels").orElse(node), "metric '" + metric.name()
          + "' has the labels " + earlier.labelNames() + where + ", here " + labels
          + ": every series of a metric needs the same label names");
    }
  }

  private void differs(MapNode node, String key, String earlier, String now, String where) {
    if (node.has(key) && !earlier.equals(now)) {
      reader.problem(node.field(key).orElseThrow(), key + " '" + now + "' differs from '"
          + earlier + "'" + where + "; give it once, or the same");
    }
  }

  private List<Double> buckets(MapNode node, CustomMetric.Kind kind) {
    if (!node.has("buckets")) {
      return kind == CustomMetric.Kind.HISTOGRAM ? CustomMetric.DEFAULT_BUCKETS : List.of();
    }
    SpecNode bucketsNode = node.field("buckets").orElseThrow();
    if (kind == CustomMetric.Kind.COUNTER) {
      reader.problem(bucketsNode, "buckets are for histograms; a counter only adds up");
      return List.of();
    }
    List<Double> bounds = new ArrayList<>();
    for (SpecNode bound : ((ListNode) bucketsNode).elements()) {
      double value = ((ScalarNode) bound).asDouble();
      if (!bounds.isEmpty() && value <= bounds.get(bounds.size() - 1)) {
        reader.problem(bound, "bucket bounds must rise: " + value + " follows "
            + bounds.get(bounds.size() - 1));
        return CustomMetric.DEFAULT_BUCKETS;
      }
      bounds.add(value);
    }
    return bounds;
  }

  private Set<String> labelNames(MapNode node) {
    return reader.map(node, "labels").map(labels -> (Set<String>) new TreeSet<>(
        labels.fields().keySet())).orElse(Set.of());
  }

  // Limitation: custom-metric labels are fixed text; a label cannot take its value from the
  // answer or a variable.
  private Map<String, String> labels(MapNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    reader.map(node, "labels").ifPresent(map -> map.fields().forEach((name, value) -> {
      String text = ((ScalarNode) value).text();
      if (reservedLabels.contains(name)) {
        reader.problem(value, "label '" + name + "' is set by loadtest or by metrics.labels;"
            + " reserved: " + String.join(", ", reservedLabels));
      } else if (text.contains("${")) {
        reader.problem(value, "label values are fixed text; a template would make a series per"
            + " value, so it is not rendered");
      }
      labels.put(name, text);
    }));
    return labels;
  }

  private CustomSeries series(CustomMetric metric, Map<String, String> labels) {
    String key = metric.name() + new CustomSeries(0, metric, labels).labelText();
    return series.computeIfAbsent(key, k -> new CustomSeries(series.size(), metric, labels));
  }

  /** Where the value comes from; a counter without one counts responses. */
  private MetricValue value(MapNode node, CustomMetric metric) {
    List<String> sources = VALUE_SOURCES.stream().filter(node::has).toList();
    if (sources.size() > 1) {
      reader.problem(node.field(sources.get(1)).orElseThrow(), "give one value source, not "
          + String.join(" and ", sources) + ": each recording takes one value per response");
    }
    if (node.has("jsonPath")) {
      return new MetricValue.FromJsonPath(JsonPath.parse(reader.text(node, "jsonPath", "$")));
    }
    if (node.has("header")) {
      return new MetricValue.FromHeader(reader.text(node, "header", ""));
    }
    if (node.has("value")) {
      ScalarNode value = reader.scalar(node, "value").orElseThrow();
      return value.isNumber() ? new MetricValue.Constant(value.asDouble())
          : new MetricValue.BodyBytes();
    }
    if (metric.isHistogram()) {
      reader.problem(node, "histogram '" + metric.name() + "' needs a value: jsonPath, header,"
          + " or value (a number or bodyBytes)");
    }
    return new MetricValue.Constant(1);
  }

  /** A metric as first declared, with where and which label names. */
  private record Declared(CustomMetric metric, MapNode node, Set<String> labelNames) {}
}
