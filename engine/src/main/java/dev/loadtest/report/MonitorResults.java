package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.stats.MonitorReadings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves what the target monitors read during a run ({@code monitors.json}) beside
 * {@code results.json}: every reading of every series, so that {@code report --from} and
 * {@code merge} draw the same charts and judge {@code monitor.NAME} thresholds on the same
 * values as the run. Written only when the spec has monitors. Stateless.
 */
public final class MonitorResults {

  public static final String FILE_NAME = "monitors.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int FORMAT = 1;

  private MonitorResults() {}

  /** Writes the file when there is something to keep; returns it, or empty. */
  public static List<Path> write(Path directory, List<MonitorSeries> monitors)
      throws IOException {
    if (monitors.isEmpty()) {
      return List.of();
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode all = root.putArray("series");
    for (MonitorSeries series : monitors) {
      ObjectNode node = all.addObject();
      node.put("monitor", series.monitor());
      node.put("name", series.name());
      node.put("metric", series.metric());
      ObjectNode labels = node.putObject("labels");
      series.labels().forEach(labels::put);
      ArrayNode points = node.putArray("points");
      for (MonitorSeries.Point point : series.points()) {
        points.addArray().add(point.elapsedMillis()).add(point.value());
      }
    }
    return List.of(AtomicFiles.writeString(directory.resolve(FILE_NAME),
        JSON.writeValueAsString(root) + "\n"));
  }

  /** Reads the file of {@code directory}; no series when there is none. */
  public static List<MonitorSeries> read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isReadable(file)) {
      return List.of();
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root.path("format").asInt() != FORMAT) {
        throw new IOException(file + ": unknown format " + root.path("format"));
      }
      List<MonitorSeries> monitors = new ArrayList<>();
      for (JsonNode node : root.path("series")) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.path("labels").properties()
            .forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
        List<MonitorSeries.Point> points = new ArrayList<>();
        for (JsonNode point : node.path("points")) {
          points.add(new MonitorSeries.Point(point.get(0).asLong(), point.get(1).asDouble()));
        }
        monitors.add(new MonitorSeries(node.path("monitor").asString(),
            node.path("name").asString(), node.path("metric").asString(), labels, points));
      }
      return monitors;
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The readings thresholds on {@code monitor.NAME} judge, by series name. */
  public static MonitorReadings readings(List<MonitorSeries> monitors) {
    return name -> monitors.stream().filter(series -> series.name().equals(name))
        .flatMap(series -> series.points().stream())
        .mapToDouble(MonitorSeries.Point::value).toArray();
  }
}
