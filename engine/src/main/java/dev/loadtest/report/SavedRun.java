package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.plan.Threshold;
import dev.loadtest.run.RunResult;
import dev.loadtest.stats.StatsSnapshot;
import java.util.List;
import java.util.Map;

/**
 * A run as the reports see it, whether it just ended or was read back from its directory.
 * Immutable; histograms inside are private copies not to be modified.
 *
 * @param metadata spec, version, times, command line, generator usage
 * @param methods the HTTP method of each request name, for Locust's {@code Type} column
 * @param thresholds the compiled thresholds, in spec order
 * @param stats the cumulative statistics, as the run computed them
 * @param series the time series behind the charts and Locust's history file
 * @param intervals what each interval kept besides its histograms
 * @param monitors what the target monitors read, every reading; empty without monitors
 * @param llmTimeline streamed answers' TTFT and output tokens per interval
 */
public record SavedRun(
    RunMetadata metadata,
    Map<String, String> methods,
    List<Threshold> thresholds,
    StatsSnapshot stats,
    TimeSeries series,
    List<IntervalRecord> intervals,
    List<MonitorSeries> monitors,
    LlmTimeline llmTimeline) {

  public SavedRun {
    methods = Map.copyOf(methods);
    thresholds = List.copyOf(thresholds);
    intervals = List.copyOf(intervals);
    monitors = List.copyOf(monitors);
  }

  /** A run without target monitors. */
  public SavedRun(RunMetadata metadata, Map<String, String> methods, List<Threshold> thresholds,
      StatsSnapshot stats, TimeSeries series, List<IntervalRecord> intervals) {
    this(metadata, methods, thresholds, stats, series, intervals, List.of(), LlmTimeline.NONE);
  }

  /** The same run with these monitor readings. */
  public SavedRun withMonitors(List<MonitorSeries> readings) {
    return new SavedRun(metadata, methods, thresholds, stats, series, intervals, readings,
        llmTimeline);
  }

  /** The run in the engine's own terms, for the summary and the console table. */
  public RunResult toRunResult() {
    return new RunResult(stats, metadata.startedAt(), metadata.endedAt(),
        metadata.interrupted(), metadata.abortReason(), metadata.abandonedRequests());
  }

  /** The method of a request name; empty when unknown. */
  public String method(String requestName) {
    return methods.getOrDefault(requestName, "");
  }
}
