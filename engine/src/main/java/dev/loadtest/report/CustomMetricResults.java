package dev.loadtest.report;

import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.CustomSeries;
import dev.loadtest.stats.CustomMetricsSnapshot;
import dev.loadtest.stats.CustomSeriesValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves the custom metrics of a run ({@code custom-metrics.json}) beside {@code results.json},
 * so that {@code report --from} shows and judges them as the run did. Everything is kept in a
 * form that merges: sums, counts, bucket counts, and each distribution as HdrHistogram's
 * compressed encoding in base64. Written only when the spec declares custom metrics. Stateless.
 */
public final class CustomMetricResults {

  public static final String FILE_NAME = "custom-metrics.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int FORMAT = 1;

  private CustomMetricResults() {}

  /** Writes the file when there is something to keep; returns it, or empty. */
  public static List<Path> write(Path directory, CustomMetricsSnapshot custom)
      throws IOException {
    if (!custom.present()) {
      return List.of();
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode metrics = root.putArray("metrics");
    for (CustomMetric metric : custom.declared().metrics()) {
      ObjectNode node = metrics.addObject();
      node.put("name", metric.name());
      node.put("type", metric.kind().label());
      node.put("unit", metric.unit());
      node.put("help", metric.help());
      metric.buckets().forEach(node.putArray("buckets")::add);
    }
    ArrayNode series = root.putArray("series");
    custom.series().forEach(values -> series(series.addObject(), values));
    return List.of(AtomicFiles.writeString(directory.resolve(FILE_NAME),
        JSON.writeValueAsString(root) + "\n"));
  }

  private static void series(ObjectNode node, CustomSeriesValues values) {
    node.put("metric", values.series().metric().name());
    ObjectNode labels = node.putObject("labels");
    values.series().labels().forEach(labels::put);
    node.put("sum", values.sum());
    node.put("count", values.count());
    node.put("missing", values.missing());
    if (values.count() > 0) {
      node.put("min", values.min());
      node.put("max", values.max());
    }
    if (values.series().metric().isHistogram()) {
      node.put("values", encode(values.values()));
      ArrayNode buckets = node.putArray("bucketCounts");
      for (long count : values.bucketCounts()) {
        buckets.add(count);
      }
    }
  }

  /** The saved custom metrics, or {@link CustomMetricsSnapshot#EMPTY} when the run had none. */
  public static CustomMetricsSnapshot read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isReadable(file)) {
      return CustomMetricsSnapshot.EMPTY;
    }
    JsonNode root = JSON.readTree(Files.readString(file));
    if (root.path("format").asInt() != FORMAT) {
      throw new IOException(file + " has an unknown format; it was written by another version");
    }
    Map<String, CustomMetric> metrics = new LinkedHashMap<>();
    for (JsonNode node : root.path("metrics")) {
      List<Double> buckets = new ArrayList<>();
      node.path("buckets").forEach(bound -> buckets.add(bound.asDouble()));
      CustomMetric metric = new CustomMetric(node.path("name").asString(),
          CustomMetric.Kind.valueOf(node.path("type").asString().toUpperCase(
              java.util.Locale.ROOT)), node.path("unit").asString(""),
          node.path("help").asString(""), buckets);
      metrics.put(metric.name(), metric);
    }
    List<CustomSeries> series = new ArrayList<>();
    List<CustomSeriesValues> values = new ArrayList<>();
    for (JsonNode node : root.path("series")) {
      CustomMetric metric = metrics.get(node.path("metric").asString());
      if (metric == null) {
        throw new IOException(file + " has a series of the undeclared metric '"
            + node.path("metric").asString() + "'");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      node.path("labels").properties().forEach(entry ->
          labels.put(entry.getKey(), entry.getValue().asString()));
      CustomSeries one = new CustomSeries(series.size(), metric, labels);
      series.add(one);
      values.add(values(node, one));
    }
    return new CustomMetricsSnapshot(new CustomMetrics(List.copyOf(metrics.values()), series),
        values);
  }

  private static CustomSeriesValues values(JsonNode node, CustomSeries series)
      throws IOException {
    CustomSeriesValues empty = CustomSeriesValues.empty(series);
    long[] buckets = empty.bucketCounts();
    JsonNode saved = node.path("bucketCounts");
    for (int i = 0; i < buckets.length && i < saved.size(); i++) {
      buckets[i] = saved.get(i).asLong();
    }
    DoubleHistogram histogram = node.has("values") ? decode(node.path("values").asString())
        : empty.values();
    return new CustomSeriesValues(series, node.path("sum").asDouble(),
        node.path("count").asLong(), node.path("missing").asLong(),
        node.path("min").asDouble(Double.NaN), node.path("max").asDouble(Double.NaN), histogram,
        buckets);
  }

  private static String encode(DoubleHistogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  private static DoubleHistogram decode(String text) throws IOException {
    try {
      return DoubleHistogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new IOException("a histogram in " + FILE_NAME + " is damaged", e);
    }
  }
}
