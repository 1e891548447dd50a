package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, charts as data URIs, no
 * scripts, no network) from the Mustache templates under {@code dev/loadtest/report}.
 * Thread-safe: the compiled template is shared and immutable.
 */
public final class HtmlReport {

  /** Failure rows listed one by one; the kinds table covers the rest. */
  static final int TOP_FAILURES = 25;

  private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/loadtest/report")
      .compile("report.html.mustache");

  private HtmlReport() {}

  /** @param csvPrefix the prefix of the CSV files beside the page, which it points to */
  public static Path write(Path directory, SavedRun run, List<ThresholdResult> verdicts,
      boolean passed, List<Charts.Chart> charts, String csvPrefix) throws IOException {
    return AtomicFiles.writeString(directory.resolve(ResultFiles.HTML),
        render(run, verdicts, passed, charts, csvPrefix));
  }

  static String render(SavedRun run, List<ThresholdResult> verdicts, boolean passed,
      List<Charts.Chart> charts, String csvPrefix) {
    StringWriter html = new StringWriter();
    TEMPLATE.execute(html, model(run, verdicts, passed, charts, csvPrefix));
    return html.toString();
  }

  private static Map<String, Object> model(SavedRun run, List<ThresholdResult> verdicts,
      boolean passed, List<Charts.Chart> charts, String csvPrefix) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", run.metadata().name());
    model.put("version", run.metadata().version());
    model.put("verdict", passed ? "PASSED" : "FAILED");
    model.put("verdictClass", passed ? "passed" : "failed");
    model.put("verdictDetail", verdictDetail(verdicts, run));
    model.put("notes", notes(run));
    model.put("warnings", run.metadata().warnings().stream().map(HtmlReport::sentence)
        .toList());
    model.put("hasWarnings", !run.metadata().warnings().isEmpty());
    model.put("thresholds", verdicts.stream().map(HtmlReport::threshold).toList());
    model.put("hasThresholds", !verdicts.isEmpty());
    model.put("metadata", RunFacts.of(run));
    model.put("business", BusinessMetrics.rows(run.stats()));
    model.put("requests", requests(run.stats()));
    model.put("llmColumns", run.stats().llm().present() ? LlmFigures.COLUMNS : List.of());
    model.put("charts", charts.stream().map(HtmlReport::chart).toList());
    model.put("hasCustomMetrics", run.stats().custom().present());
    model.put("customHeader", CustomMetricTable.HEADER);
    model.put("customRows", CustomMetricTable.rows(run.stats()).stream()
        .map(cells -> Map.of("name", cells.get(0), "cells", cells.subList(1, cells.size())))
        .toList());
    model.put("hasMonitors", !run.monitors().isEmpty());
    model.put("monitors", run.monitors().stream().map(HtmlReport::monitor).toList());
    failures(model, run.stats().failures(), csvPrefix);
    return model;
  }

  /** A monitor series' row: where it came from and what it read, in the target's unit. */
  private static Map<String, Object> monitor(MonitorSeries series) {
    DoubleSummaryStatistics values = series.points().stream()
        .mapToDouble(MonitorSeries.Point::value).summaryStatistics();
    boolean read = values.getCount() > 0;
    String last = read ? number(series.points().get(series.points().size() - 1).value()) : "-";
    return Map.of("monitor", series.monitor(), "name", series.name(),
        "metric", series.metric(), "readings", String.format(Locale.ROOT, "%,d",
            values.getCount()),
        "min", read ? number(values.getMin()) : "-", "mean",
        read ? number(values.getAverage()) : "-", "max", read ? number(values.getMax()) : "-",
        "last", last);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%,.4g", value);
  }

  private static String verdictDetail(List<ThresholdResult> verdicts, SavedRun run) {
    long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
    StatsSnapshot stats = run.stats();
    return String.format(Locale.ROOT, "%d of %d thresholds passed; %,d requests, %,d failed,"
        + " in %s.", verdicts.size() - failed, verdicts.size(), stats.total().requests(),
        stats.total().failures(), duration(stats.elapsed()));
  }

  private static List<String> notes(SavedRun run) {
    List<String> notes = new ArrayList<>();
    run.metadata().abortReason().ifPresent(reason -> notes.add("Aborted: " + reason));
    RunSegments segments = run.metadata().segments();
    if (segments.incomplete()) {
      notes.add("Incomplete: " + RunMerger.missingWarning(segments) + ".");
    }
    segments.lateStarts().forEach(late -> notes.add("Late start at --start-at "
        + segments.startAt().map(Object::toString).orElse("") + ": " + late + "."));
    if (run.metadata().interrupted()) {
      notes.add("Interrupted: the run was stopped before its end; results cover what ran.");
    }
    return notes;
  }

  /** Warnings are written for the console, in lower case; the page shows sentences. */
  private static String sentence(String warning) {
    return warning.isEmpty() ? warning
        : Character.toUpperCase(warning.charAt(0)) + warning.substring(1);
  }

  private static Map<String, Object> threshold(ThresholdResult verdict) {
    return Map.of("name", verdict.threshold().name(),
        "observed", verdict.threshold().formatObserved(verdict.observed()),
        "limit", verdict.threshold().comparison().symbol() + " " + verdict.threshold().written(),
        "verdict", verdict.passed() ? "pass" : "FAIL",
        "rowClass", verdict.passed() ? "" : "fail");
  }

  private static List<Map<String, Object>> requests(StatsSnapshot stats) {
    List<Map<String, Object>> rows = new ArrayList<>();
    stats.requests().forEach(request -> rows.add(request(request, stats, "")));
    rows.add(request(stats.total(), stats, "total"));
    return rows;
  }

  private static Map<String, Object> request(RequestSummary request, StatsSnapshot stats,
      String rowClass) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", request.name());
    row.put("requests", String.format(Locale.ROOT, "%,d", request.requests()));
    row.put("failures", request.failures() == 0 ? "0" : String.format(Locale.ROOT,
        "%,d (%.2f%%)", request.failures(), request.errorRate() * 100));
    row.put("rps", String.format(Locale.ROOT, "%.2f", request.requestsPerSecond(
        stats.elapsed())));
    row.put("avg", Tables.millis(request.meanMillis()));
    row.put("p50", Tables.millis(request.percentileMillis(50)));
    row.put("p90", Tables.millis(request.percentileMillis(90)));
    row.put("p95", Tables.millis(request.percentileMillis(95)));
    row.put("p99", Tables.millis(request.percentileMillis(99)));
    row.put("max", Tables.millis(request.maxMillis()));
    row.put("llm", !stats.llm().present() ? List.of() : LlmFigures.cells(rowClass.isEmpty()
        ? stats.llm().request(request.name()) : stats.llm().total()));
    row.put("rowClass", request.failures() > 0 && rowClass.isEmpty() ? "fail" : rowClass);
    return row;
  }

  private static Map<String, Object> chart(Charts.Chart chart) {
    return Map.of("fileName", chart.fileName(), "title", chart.title(),
        "caption", chart.caption(), "width", Charts.WIDTH, "height", Charts.HEIGHT,
        "base64", Base64.getEncoder().encodeToString(chart.png()));
  }

  private static void failures(Map<String, Object> model, List<FailureCount> failures,
      String csvPrefix) {
    model.put("hasFailures", !failures.isEmpty());
    model.put("failureKinds", failureKinds(failures));
    model.put("topFailures", failures.stream().limit(TOP_FAILURES).map(failure -> Map.of(
        "count", String.format(Locale.ROOT, "%,d", failure.count()),
        "kind", failure.kind().label(), "request", failure.request(),
        "message", failure.message())).toList());
    model.put("moreFailures", failures.size() <= TOP_FAILURES ? List.of() : List.of(
        (failures.size() - TOP_FAILURES) + " more groups of failures are in "
            + csvPrefix + LocustCsv.FAILURES + " and summary.json."));
  }

  /** Kinds by total count; each with the names it hit and its most frequent message. */
  private static List<Map<String, Object>> failureKinds(List<FailureCount> failures) {
    Map<String, List<FailureCount>> byKind = failures.stream().collect(Collectors.groupingBy(
        failure -> failure.kind().label(), LinkedHashMap::new, Collectors.toList()));
    return byKind.entrySet().stream()
        .sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
        .map(entry -> Map.<String, Object>of("kind", entry.getKey(),
            "count", String.format(Locale.ROOT, "%,d", total(entry.getValue())),
            "requests", entry.getValue().stream().map(FailureCount::request).distinct()
                .sorted().collect(Collectors.joining(", ")),
            "sample", entry.getValue().get(0).message()))
        .toList();
  }

  private static long total(List<FailureCount> failures) {
    return failures.stream().mapToLong(FailureCount::count).sum();
  }

  static String duration(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm %02ds", seconds / 3600,
        seconds / 60 % 60, seconds % 60) : String.format(Locale.ROOT, "%dm %02ds", seconds / 60,
        seconds % 60);
  }
}
