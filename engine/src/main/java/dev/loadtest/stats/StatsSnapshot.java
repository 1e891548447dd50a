package dev.loadtest.stats;

import java.time.Duration;
import java.util.List;

/**
 * What a run measured, frozen: the input of every report and of threshold verdicts.
 *
 * @param elapsed time from the start of load to the snapshot
 * @param requests per request name, in plan order
 * @param total all requests together
 * @param failures failures grouped by request, kind and message, most frequent first
 * @param timeline one point per sampling interval
 * @param clampedValues latencies above the histogram's range, recorded at its maximum
 * @param generatorLag how late intended starts were sent, nanoseconds (open models)
 * @param dropped arrivals not started because a concurrency cap was reached
 * @param llm LLM answers: TTFT, tokens, cost, cache; {@link LlmSnapshot#EMPTY} without them
 * @param custom the custom metrics' values; {@link CustomMetricsSnapshot#EMPTY} without them
 */
public record StatsSnapshot(
    Duration elapsed,
    List<RequestSummary> requests,
    RequestSummary total,
    List<FailureCount> failures,
    List<IntervalPoint> timeline,
    long clampedValues,
    org.HdrHistogram.Histogram generatorLag,
    long dropped,
    LlmSnapshot llm,
    CustomMetricsSnapshot custom) {

  public StatsSnapshot {
    requests = List.copyOf(requests);
    failures = List.copyOf(failures);
    timeline = List.copyOf(timeline);
  }

  /** A snapshot of a run without custom metrics. */
  public StatsSnapshot(Duration elapsed, List<RequestSummary> requests, RequestSummary total,
      List<FailureCount> failures, List<IntervalPoint> timeline, long clampedValues,
      org.HdrHistogram.Histogram generatorLag, long dropped, LlmSnapshot llm) {
    this(elapsed, requests, total, failures, timeline, clampedValues, generatorLag, dropped,
        llm, CustomMetricsSnapshot.EMPTY);
  }

  /** A snapshot of a run without LLM answers. */
  public StatsSnapshot(Duration elapsed, List<RequestSummary> requests, RequestSummary total,
      List<FailureCount> failures, List<IntervalPoint> timeline, long clampedValues,
      org.HdrHistogram.Histogram generatorLag, long dropped) {
    this(elapsed, requests, total, failures, timeline, clampedValues, generatorLag, dropped,
        LlmSnapshot.EMPTY);
  }

  /** This snapshot with the LLM side replaced, e.g. when read back from saved files. */
  public StatsSnapshot withLlm(LlmSnapshot newLlm) {
    return new StatsSnapshot(elapsed, requests, total, failures, timeline, clampedValues,
        generatorLag, dropped, newLlm, custom);
  }

  /** This snapshot with the custom metrics replaced, e.g. when read back from saved files. */
  public StatsSnapshot withCustom(CustomMetricsSnapshot newCustom) {
    return new StatsSnapshot(elapsed, requests, total, failures, timeline, clampedValues,
        generatorLag, dropped, llm, newCustom);
  }

  /** A snapshot of a run without open-model measurements. */
  public StatsSnapshot(Duration elapsed, List<RequestSummary> requests, RequestSummary total,
      List<FailureCount> failures, List<IntervalPoint> timeline, long clampedValues) {
    this(elapsed, requests, total, failures, timeline, clampedValues,
        LatencyHistograms.newHistogram(), 0);
  }

  /** The generator's lag at a percentile, in milliseconds; 0 when nothing was scheduled. */
  public double lagPercentileMillis(double percentile) {
    return generatorLag.getTotalCount() == 0 ? 0
        : generatorLag.getValueAtPercentile(percentile) / 1e6;
  }

  /** The summary of a request name; the plan guarantees the index exists. */
  public RequestSummary request(int statsKey) {
    return requests.get(statsKey);
  }
}
