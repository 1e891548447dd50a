package dev.loadtest.report;

import dev.loadtest.run.RunResult;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-of-run text: the per-request table, failures, and the threshold verdicts. */
public final class FinalReport {

  private static final List<String> HEADER = List.of("Name", "Requests", "Failures", "Avg",
      "Min", "Median", "p90", "p95", "p99", "Max", "RPS");
  private static final int MAX_FAILURE_LINES = 10;

  private FinalReport() {}

  public static String render(RunResult result, List<ThresholdResult> verdicts, boolean passed) {
    StatsSnapshot stats = result.stats();
    StringBuilder text = new StringBuilder("\n");
    List<List<String>> rows = new ArrayList<>();
    stats.requests().forEach(request -> rows.add(row(request, stats)));
    rows.add(row(stats.total(), stats));
    text.append(Tables.render(HEADER, rows, true));
    failures(text, stats);
    if (stats.llm().present()) {
      text.append(LlmConsole.render(stats));
    }
    if (stats.custom().present()) {
      text.append('\n').append(Tables.render(CustomMetricTable.HEADER,
          CustomMetricTable.rows(stats), false));
    }
    openModel(text, stats);
    if (stats.clampedValues() > 0) {
      text.append('\n').append(stats.clampedValues())
          .append(" latencies above one hour were recorded as one hour\n");
    }
    result.abortReason().ifPresent(reason -> text.append("\nABORTED: ").append(reason)
        .append('\n'));
    if (result.interrupted()) {
      text.append("\nINTERRUPTED: the run was stopped before its end; results cover what ran\n");
    }
    thresholds(text, verdicts);
    text.append('\n').append(passed ? "RESULT: PASSED" : "RESULT: FAILED").append('\n');
    return text.toString();
  }

  private static List<String> row(RequestSummary request, StatsSnapshot stats) {
    return List.of(request.name(), Long.toString(request.requests()),
        failures(request), Tables.millis(request.meanMillis()),
        Tables.millis(request.minMillis()), Tables.millis(request.percentileMillis(50)),
        Tables.millis(request.percentileMillis(90)), Tables.millis(request.percentileMillis(95)),
        Tables.millis(request.percentileMillis(99)), Tables.millis(request.maxMillis()),
        String.format(Locale.ROOT, "%.1f", request.requestsPerSecond(stats.elapsed())));
  }

  private static String failures(RequestSummary request) {
    return request.failures() == 0 ? "0" : String.format(Locale.ROOT, "%d (%.2f%%)",
        request.failures(), request.errorRate() * 100);
  }

  private static void failures(StringBuilder text, StatsSnapshot stats) {
    if (stats.failures().isEmpty()) {
      return;
    }
    text.append("\nFailures (count, kind, request, message):\n");
    stats.failures().stream().limit(MAX_FAILURE_LINES).forEach((FailureCount failure) ->
        text.append(String.format(Locale.ROOT, "  %8d  %-8s %s: %s%n", failure.count(),
            failure.kind().label(), failure.request(), failure.message())));
    if (stats.failures().size() > MAX_FAILURE_LINES) {
      text.append("  ... and ").append(stats.failures().size() - MAX_FAILURE_LINES)
          .append(" more kinds of failure (see summary.json)\n");
    }
  }

  /**
   * What only an open model measures: latency from the intended start beside the time on the
   * wire, arrivals dropped at the concurrency cap, and how late the generator itself was.
   */
  private static void openModel(StringBuilder text, StatsSnapshot stats) {
    RequestSummary total = stats.total();
    if (total.hasServiceTimes()) {
      text.append(String.format(Locale.ROOT, "%nResponse time (from intended start) p50 %s,"
          + " p99 %s; service time (on the wire) p50 %s, p99 %s%n",
          Tables.millis(total.percentileMillis(50)), Tables.millis(total.percentileMillis(99)),
          Tables.millis(total.servicePercentileMillis(50)),
          Tables.millis(total.servicePercentileMillis(99))));
    }
    if (stats.generatorLag().getTotalCount() > 0) {
      text.append(String.format(Locale.ROOT, "Generator lag (intended start to send): p99 %s,"
          + " max %s%n", Tables.millis(stats.lagPercentileMillis(99)),
          Tables.millis(stats.generatorLag().getMaxValue() / 1e6)));
    }
    if (stats.dropped() > 0) {
      text.append(stats.dropped()).append(" arrivals dropped: the concurrency cap was reached"
          + " (raise maxConcurrency, or set whenSaturated: queue)\n");
    }
  }

  private static void thresholds(StringBuilder text, List<ThresholdResult> verdicts) {
    if (verdicts.isEmpty()) {
      text.append("\nNo thresholds: the run passes if it completes.\n");
      return;
    }
    text.append("\nThresholds:\n");
    verdicts.forEach(verdict -> text.append("  ").append(verdict.describe()).append('\n'));
  }
}
