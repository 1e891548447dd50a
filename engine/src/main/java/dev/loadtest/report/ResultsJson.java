package dev.loadtest.report;

import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads {@code results.json} ({@link ResultsDocument}). Its {@code format} field
 * names the layout, so that a later loadtest can refuse a layout it does not know. Stateless.
 */
public final class ResultsJson {

  static final String FORMAT = "loadtest-results/1";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ResultsJson() {}

  /** Writes the document into {@code directory}, replacing an earlier one atomically. */
  public static Path write(Path directory, ResultsDocument document) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    metadata(root.putObject("run"), document.metadata());
    document.requestNames().forEach(root.putArray("requestNames")::add);
    ObjectNode methods = root.putObject("methods");
    new TreeMap<>(document.methods()).forEach(methods::put);
    ThresholdCodec.write(root.putArray("thresholds"), document.thresholds());
    failures(root.putArray("failures"), document.failures());
    root.put("logBaseMillis", document.logBaseMillis());
    root.put("elapsedNanos", document.elapsedNanos());
    root.put("clampedValues", document.clampedValues());
    root.put("latencyLogComplete", document.latencyLogComplete());
    root.put("dropped", document.dropped());
    root.put("generatorLag", HistogramCodec.encode(document.generatorLag()));
    intervals(root.putArray("intervals"), document.intervals());
    return AtomicFiles.writeString(directory.resolve(ResultFiles.RESULTS),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  private static void metadata(ObjectNode node, RunMetadata metadata) {
    node.put("name", metadata.name());
    node.put("specSha256", metadata.specSha256());
    node.put("seed", metadata.seed());
    node.put("version", metadata.version());
    node.put("startedAt", metadata.startedAt().toString());
    node.put("endedAt", metadata.endedAt().toString());
    node.put("interrupted", metadata.interrupted());
    node.put("aborted", metadata.abortReason().orElse(null));
    node.put("abandonedRequests", metadata.abandonedRequests());
    metadata.commandLine().forEach(node.putArray("commandLine")::add);
    GeneratorUsage generator = metadata.generator();
    ObjectNode usage = node.putObject("generator");
    usage.put("cores", generator.cores());
    usage.put("maxHeapBytes", generator.maxHeapBytes());
    usage.put("meanCpuShare", generator.meanCpuShare());
    usage.put("peakCpuShare", generator.peakCpuShare());
    usage.put("peakHeapBytes", generator.peakHeapBytes());
    segments(node.putObject("segments"), metadata.segments());
    metadata.warnings().forEach(node.putArray("warnings")::add);
  }

  /**
   * The saved warnings; results saved before warnings were kept get the generator's
   * saturation judged from their intervals' CPU readings. A merged run's intervals hold the
   * workers' mean CPU, which would hide one saturated worker, so they are not judged.
   */
  private static RunMetadata withWarnings(RunMetadata metadata, JsonNode node,
      List<IntervalRecord> intervals) {
    JsonNode saved = node.get("warnings");
    if (saved == null) {
      return metadata.segments().merged() ? metadata
          : metadata.withWarnings(RunWarnings.of(intervals, List.of()));
    }
    List<String> warnings = new ArrayList<>();
    saved.forEach(warning -> warnings.add(warning.asString()));
    return metadata.withWarnings(warnings);
  }

  private static void segments(ObjectNode node, RunSegments segments) {
    node.put("count", segments.count());
    segments.workers().forEach(node.putArray("workers")::add);
    node.put("startAt", segments.startAt().map(Instant::toString).orElse(null));
    segments.lateStartMillis().forEach(node.putArray("lateStartMillis")::add);
    node.put("merged", segments.merged());
  }

  /** Results saved before segments existed are a whole run's. */
  private static RunSegments readSegments(JsonNode node) {
    if (node == null || node.isNull()) {
      return RunSegments.WHOLE;
    }
    List<Integer> workers = new ArrayList<>();
    node.get("workers").forEach(worker -> workers.add(worker.asInt()));
    List<Long> late = new ArrayList<>();
    node.get("lateStartMillis").forEach(millis -> late.add(millis.asLong()));
    JsonNode startAt = node.get("startAt");
    return new RunSegments(node.get("count").asInt(), workers,
        startAt == null || startAt.isNull() ? Optional.empty()
            : Optional.of(Instant.parse(startAt.asString())), late,
        node.path("merged").asBoolean(false));
  }

  private static void failures(ArrayNode array, List<FailureCount> failures) {
    for (FailureCount failure : failures) {
      ObjectNode node = array.addObject();
      node.put("request", failure.request());
      node.put("kind", failure.kind().name());
      node.put("message", failure.message());
      node.put("count", failure.count());
    }
  }

  /** One compact line per interval: a one-hour run has 3,600 of them. */
  private static void intervals(ArrayNode array, List<IntervalRecord> intervals) {
    for (IntervalRecord interval : intervals) {
      ObjectNode node = array.addObject();
      node.put("start", interval.startNanos());
      node.put("end", interval.endNanos());
      node.put("users", interval.activeUsers());
      node.put("cpu", Math.round(interval.cpuShare() * 1000) / 1000.0);
      node.put("heap", interval.heapBytes());
      if (!interval.failures().isEmpty()) {
        ObjectNode failures = node.putObject("failures");
        new TreeMap<>(interval.failures()).forEach(failures::put);
      }
    }
  }

  /** Reads the document from {@code directory}. */
  public static ResultsDocument read(Path directory) throws IOException {
    JsonNode root = JSON.readTree(directory.resolve(ResultFiles.RESULTS).toFile());
    String format = root.path("format").asString("");
    if (!FORMAT.equals(format)) {
      throw new IOException(directory.resolve(ResultFiles.RESULTS) + " has format '" + format
          + "', expected '" + FORMAT + "'");
    }
    List<String> names = new ArrayList<>();
    root.get("requestNames").forEach(name -> names.add(name.asString()));
    Map<String, String> methods = new LinkedHashMap<>();
    root.get("methods").properties().forEach(entry ->
        methods.put(entry.getKey(), entry.getValue().asString()));
    List<IntervalRecord> intervals = readIntervals(root.get("intervals"));
    RunMetadata metadata = withWarnings(readMetadata(root.get("run")), root.get("run"),
        intervals);
    return new ResultsDocument(metadata, names, methods,
        ThresholdCodec.read(root.get("thresholds"), names), readFailures(root.get("failures")),
        intervals, root.get("logBaseMillis").asLong(),
        root.get("elapsedNanos").asLong(), root.get("clampedValues").asLong(),
        root.get("latencyLogComplete").asBoolean(), readLag(root),
        root.path("dropped").asLong(0));
  }

  private static org.HdrHistogram.Histogram readLag(JsonNode root) throws IOException {
    JsonNode lag = root.get("generatorLag");
    return lag == null ? dev.loadtest.stats.LatencyHistograms.newHistogram()
        : HistogramCodec.decode(lag.asString(), "generatorLag in " + ResultFiles.RESULTS);
  }

  private static RunMetadata readMetadata(JsonNode node) {
    List<String> commandLine = new ArrayList<>();
    node.get("commandLine").forEach(argument -> commandLine.add(argument.asString()));
    JsonNode usage = node.get("generator");
    GeneratorUsage generator = new GeneratorUsage(usage.get("cores").asInt(),
        usage.get("maxHeapBytes").asLong(), usage.get("meanCpuShare").asDouble(),
        usage.get("peakCpuShare").asDouble(), usage.get("peakHeapBytes").asLong());
    JsonNode aborted = node.get("aborted");
    return new RunMetadata(node.get("name").asString(), node.get("specSha256").asString(),
        node.get("seed").asLong(), node.get("version").asString(),
        Instant.parse(node.get("startedAt").asString()),
        Instant.parse(node.get("endedAt").asString()), node.get("interrupted").asBoolean(),
        aborted == null || aborted.isNull() ? Optional.empty() : Optional.of(aborted.asString()),
        node.get("abandonedRequests").asLong(), commandLine, generator,
        readSegments(node.get("segments")));
  }

  private static List<FailureCount> readFailures(JsonNode array) {
    List<FailureCount> failures = new ArrayList<>();
    for (JsonNode node : array) {
      failures.add(new FailureCount(node.get("request").asString(),
          FailureKind.valueOf(node.get("kind").asString()), node.get("message").asString(),
          node.get("count").asLong()));
    }
    return failures;
  }

  private static List<IntervalRecord> readIntervals(JsonNode array) {
    List<IntervalRecord> intervals = new ArrayList<>();
    for (JsonNode node : array) {
      Map<String, Long> failures = new LinkedHashMap<>();
      if (node.has("failures")) {
        node.get("failures").properties().forEach(entry ->
            failures.put(entry.getKey(), entry.getValue().asLong()));
      }
      intervals.add(new IntervalRecord(node.get("start").asLong(), node.get("end").asLong(),
          node.get("users").asInt(), failures, node.get("cpu").asDouble(),
          node.get("heap").asLong()));
    }
    return intervals;
  }
}
