package dev.loadtest.report;

import dev.loadtest.plan.TestPlan;
import dev.loadtest.plan.ThresholdScope;
import dev.loadtest.run.RunResult;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code summary.json}, the machine-readable result of a run; {@code docs/summary-json.md}
 * documents every field. Latencies are milliseconds with three decimals.
 */
public final class SummaryJson {

  public static final String FILE_NAME = "summary.json";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SummaryJson() {}

  /** Writes the summary of a saved run into {@code directory}, replacing an earlier one. */
  public static Path write(Path directory, SavedRun run, List<ThresholdResult> verdicts,
      boolean passed, int exitCode) throws IOException {
    ObjectNode root = build(run.metadata().name(), run.metadata().specSha256(),
        run.metadata().seed(), run.toRunResult(), verdicts, passed, exitCode);
    extend(root, run);
    return AtomicFiles.writeString(directory.resolve(FILE_NAME),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /** What the core summary gained with the reports: provenance, generator, scores. */
  private static void extend(ObjectNode root, SavedRun run) {
    RunMetadata metadata = run.metadata();
    root.put("version", metadata.version());
    metadata.commandLine().forEach(root.putArray("commandLine")::add);
    segments(root, metadata.segments());
    metadata.warnings().forEach(root.putArray("warnings")::add);
    ObjectNode generator = root.putObject("generator");
    generator.put("cores", metadata.generator().cores());
    generator.put("maxHeapBytes", metadata.generator().maxHeapBytes());
    generator.put("meanCpuShare", round(metadata.generator().meanCpuShare(), 3));
    generator.put("peakCpuShare", round(metadata.generator().peakCpuShare(), 3));
    generator.put("peakHeapBytes", metadata.generator().peakHeapBytes());
    ObjectNode scores = root.putObject("scores");
    scores.put("userExperience", round(run.stats().llm().userExperienceScore(
        run.stats().total()), 6));
    scores.put("reliability", round(BusinessMetrics.reliabilityScore(run.stats().total()), 6));
    if (run.stats().llm().present()) {
      LlmSummaryJson.add(root, scores, run.stats());
    }
  }

  /** Which workers of a segmented run the summary covers; absent for a whole run. */
  private static void segments(ObjectNode root, RunSegments segments) {
    if (segments.isWhole() && segments.startAt().isEmpty()) {
      return;
    }
    ObjectNode node = root.putObject("segments");
    node.put("count", segments.count());
    segments.workers().forEach(node.putArray("workers")::add);
    node.put("merged", segments.merged());
    if (segments.merged()) {
      segments.missing().forEach(node.putArray("missing")::add);
    }
    node.put("startAt", segments.startAt().map(Object::toString).orElse(null));
    segments.lateStartMillis().forEach(node.putArray("lateStartMillis")::add);
  }

  /** Writes the summary into {@code directory}, replacing an earlier one atomically. */
  public static Path write(Path directory, TestPlan plan, RunResult result,
      List<ThresholdResult> verdicts, boolean passed, int exitCode) {
    ObjectNode root = build(plan, result, verdicts, passed, exitCode);
    Path target = directory.resolve(FILE_NAME);
    Path partial = directory.resolve(FILE_NAME + ".partial");
    try {
      Files.writeString(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          + "\n");
      Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode build(TestPlan plan, RunResult result, List<ThresholdResult> verdicts,
      boolean passed, int exitCode) {
    return build(plan.name(), plan.specSha256(), plan.seed(), result, verdicts, passed,
        exitCode);
  }

  private static ObjectNode build(String name, String specSha256, long seed, RunResult result,
      List<ThresholdResult> verdicts, boolean passed, int exitCode) {
    StatsSnapshot stats = result.stats();
    ObjectNode root = JSON.createObjectNode();
    root.put("name", name);
    root.put("specSha256", specSha256);
    root.put("seed", seed);
    root.put("startedAt", result.startedAt().toString());
    root.put("endedAt", result.endedAt().toString());
    root.put("durationSeconds", round(stats.elapsed().toNanos() / 1e9, 3));
    root.put("passed", passed);
    root.put("exitCode", exitCode);
    root.put("interrupted", result.interrupted());
    root.put("aborted", result.abortReason().orElse(null));
    root.put("abandonedRequests", result.abandonedRequests());
    root.put("dropped", stats.dropped());
    if (stats.generatorLag().getTotalCount() > 0) {
      ObjectNode lag = root.putObject("generatorLagMs");
      lag.put("p50", round(stats.lagPercentileMillis(50), 3));
      lag.put("p99", round(stats.lagPercentileMillis(99), 3));
      lag.put("max", round(stats.generatorLag().getMaxValue() / 1e6, 3));
    }
    ObjectNode totals = root.putObject("totals");
    request(totals, stats.total(), stats);
    ArrayNode endpoints = root.putArray("endpoints");
    stats.requests().forEach(request -> request(endpoints.addObject(), request, stats));
    failures(root.putArray("failures"), stats.failures());
    thresholds(root.putArray("thresholds"), verdicts);
    if (stats.custom().present()) {
      customMetrics(root.putArray("customMetrics"), stats);
    }
    return root;
  }

  /** One object per series; distribution fields only for histograms, null without values. */
  private static void customMetrics(ArrayNode array, StatsSnapshot stats) {
    double seconds = stats.elapsed().toNanos() / 1e9;
    for (CustomSeriesValues values : stats.custom().series()) {
      ObjectNode node = array.addObject();
      node.put("name", values.series().metric().name());
      node.put("type", values.series().metric().kind().label());
      values.series().labels().forEach(node.putObject("labels")::put);
      node.put("unit", values.series().metric().unit());
      node.put("count", values.count());
      node.put("sum", round(values.sum(), 6));
      node.put("ratePerSecond", seconds <= 0 ? 0 : round(values.sum() / seconds, 6));
      node.put("missing", values.missing());
      if (values.series().metric().isHistogram()) {
        node.put("mean", nullable(values.mean()));
        node.put("min", nullable(values.min()));
        for (int percentile : new int[] {50, 90, 95, 99}) {
          node.put("p" + percentile, nullable(values.percentile(percentile)));
        }
        node.put("max", nullable(values.max()));
      }
    }
  }

  private static Double nullable(double value) {
    return Double.isNaN(value) ? null : round(value, 6);
  }

  private static void request(ObjectNode node, RequestSummary request, StatsSnapshot stats) {
    node.put("name", request.name());
    node.put("requests", request.requests());
    node.put("failures", request.failures());
    node.put("errorRate", round(request.errorRate(), 6));
    node.put("rps", round(request.requestsPerSecond(stats.elapsed()), 3));
    ObjectNode latency = node.putObject("latencyMs");
    latency.put("mean", round(request.meanMillis(), 3));
    latency.put("min", round(request.minMillis(), 3));
    latency.put("p50", round(request.percentileMillis(50), 3));
    latency.put("p90", round(request.percentileMillis(90), 3));
    latency.put("p95", round(request.percentileMillis(95), 3));
    latency.put("p99", round(request.percentileMillis(99), 3));
    latency.put("p99.9", round(request.percentileMillis(99.9), 3));
    latency.put("max", round(request.maxMillis(), 3));
    if (request.hasServiceTimes()) {
      ObjectNode service = node.putObject("serviceTimeMs");
      service.put("p50", round(request.servicePercentileMillis(50), 3));
      service.put("p90", round(request.servicePercentileMillis(90), 3));
      service.put("p95", round(request.servicePercentileMillis(95), 3));
      service.put("p99", round(request.servicePercentileMillis(99), 3));
      service.put("max", round(request.servicePercentileMillis(100), 3));
    }
  }

  private static void failures(ArrayNode array, List<FailureCount> failures) {
    for (FailureCount failure : failures) {
      ObjectNode node = array.addObject();
      node.put("request", failure.request());
      node.put("kind", failure.kind().label());
      node.put("message", failure.message());
      node.put("count", failure.count());
    }
  }

  private static void thresholds(ArrayNode array, List<ThresholdResult> verdicts) {
    for (ThresholdResult verdict : verdicts) {
      ObjectNode node = array.addObject();
      node.put("name", verdict.threshold().name());
      node.put("metric", verdict.threshold().metric().name());
      node.put("request", verdict.threshold().scope() instanceof ThresholdScope.OneRequest one
          ? one.name() : null);
      node.put("comparison", verdict.threshold().comparison().symbol());
      node.put("limit", verdict.threshold().limit());
      node.put("limitWritten", verdict.threshold().written());
      node.put("unit", verdict.threshold().metric().unit());
      node.put("observed", round(verdict.observed(), 6));
      node.put("passed", verdict.passed());
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
