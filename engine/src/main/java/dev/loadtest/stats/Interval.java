package dev.loadtest.stats;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One closed sampling interval: the timeline point and what each request name recorded in it.
 * Outputs that need more than totals (interval logs, Prometheus histograms, per-request charts)
 * read the histograms here; they are private copies.
 *
 * @param startNanos start of the interval, since the load started
 * @param endNanos end of the interval, since the load started
 * @param point the totals of the interval
 * @param requests per request name, in plan order
 * @param outcomes status classes and failure kinds per request name since the load started
 * @param llm what each request name with LLM answers recorded in the interval (TTFT, gaps,
 *     tokens, cost); empty without LLM requests
 * @param custom what each custom-metric series recorded in the interval, in key order; empty
 *     without custom metrics
 */
public record Interval(long startNanos, long endNanos, IntervalPoint point,
    List<RequestInterval> requests, OutcomeCounts outcomes, List<LlmSummary> llm,
    List<CustomSeriesValues> custom) {

  public Interval {
    requests = List.copyOf(requests);
    llm = List.copyOf(llm);
    custom = List.copyOf(custom);
  }

  /** An interval without custom metrics. */
  public Interval(long startNanos, long endNanos, IntervalPoint point,
      List<RequestInterval> requests, OutcomeCounts outcomes, List<LlmSummary> llm) {
    this(startNanos, endNanos, point, requests, outcomes, llm, List.of());
  }

  /** An interval without LLM answers. */
  public Interval(long startNanos, long endNanos, IntervalPoint point,
      List<RequestInterval> requests, OutcomeCounts outcomes) {
    this(startNanos, endNanos, point, requests, outcomes, List.of());
  }

  /** An interval without outcome counts. */
  public Interval(long startNanos, long endNanos, IntervalPoint point,
      List<RequestInterval> requests) {
    this(startNanos, endNanos, point, requests, OutcomeCounts.EMPTY);
  }

  /**
   * One request name's interval.
   *
   * @param name the request name
   * @param latencies latencies recorded in the interval, nanoseconds; a copy
   * @param failures failures in the interval
   */
  public record RequestInterval(String name, Histogram latencies, long failures) {}
}
