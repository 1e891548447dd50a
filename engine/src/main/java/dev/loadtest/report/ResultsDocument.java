package dev.loadtest.report;

import dev.loadtest.plan.Threshold;
import dev.loadtest.stats.FailureCount;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code results.json}: everything a report needs that the interval log does
 * not hold. Counters here sum and lists concatenate when runs are merged. Immutable.
 *
 * @param metadata who ran what, when, and how the generator fared
 * @param requestNames request names in plan order; threshold scopes index it
 * @param methods the HTTP method of each request name
 * @param thresholds compiled thresholds in spec order
 * @param failures failures grouped by request, kind and message
 * @param intervals one record per sampling interval, in order
 * @param logBaseMillis the interval log's base time, epoch milliseconds
 * @param elapsedNanos the measured length of the run
 * @param clampedValues latencies above the histograms' range, recorded at its maximum
 * @param latencyLogComplete false when the interval log could not be written whole
 * @param generatorLag how late open-model arrivals were sent, nanoseconds; its count is the
 *     number of arrivals sent
 * @param dropped open-model arrivals never started (concurrency cap, or queued at the end)
 */
public record ResultsDocument(
    RunMetadata metadata,
    List<String> requestNames,
    Map<String, String> methods,
    List<Threshold> thresholds,
    List<FailureCount> failures,
    List<IntervalRecord> intervals,
    long logBaseMillis,
    long elapsedNanos,
    long clampedValues,
    boolean latencyLogComplete,
    org.HdrHistogram.Histogram generatorLag,
    long dropped) {

  /** A document without open-model measurements. */
  public ResultsDocument(RunMetadata metadata, List<String> requestNames,
      Map<String, String> methods, List<Threshold> thresholds, List<FailureCount> failures,
      List<IntervalRecord> intervals, long logBaseMillis, long elapsedNanos,
      long clampedValues, boolean latencyLogComplete) {
    this(metadata, requestNames, methods, thresholds, failures, intervals, logBaseMillis,
        elapsedNanos, clampedValues, latencyLogComplete,
        dev.loadtest.stats.LatencyHistograms.newHistogram(), 0);
  }

  public ResultsDocument {
    requestNames = List.copyOf(requestNames);
    methods = Map.copyOf(methods);
    thresholds = List.copyOf(thresholds);
    failures = List.copyOf(failures);
    intervals = List.copyOf(intervals);
  }
}
