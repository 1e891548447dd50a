package dev.loadtest.stats;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Cumulative statistics of one request name (or of all, named "Aggregated" as in Locust).
 *
 * @param name the request name
 * @param latencies every latency recorded, in nanoseconds; a private copy, not to be modified
 * @param failures how many of them failed
 * @param serviceLatencies time on the wire, kept apart when latency counts from an intended
 *     start (open model); empty otherwise
 * @param corrections values the coordinated-omission correction added to {@code latencies}
 */
public record RequestSummary(String name, Histogram latencies, long failures,
    Histogram serviceLatencies, long corrections) {

  /** A summary whose latency is its service time. */
  public RequestSummary(String name, Histogram latencies, long failures) {
    this(name, latencies, failures, LatencyHistograms.newHistogram(), 0);
  }

  /** A summary without coordinated-omission correction. */
  public RequestSummary(String name, Histogram latencies, long failures,
      Histogram serviceLatencies) {
    this(name, latencies, failures, serviceLatencies, 0);
  }

  /** True when service time was measured apart from latency. */
  public boolean hasServiceTimes() {
    return serviceLatencies.getTotalCount() > 0;
  }

  /** Service time at a percentile, in milliseconds; 0 when not measured. */
  public double servicePercentileMillis(double percentile) {
    return hasServiceTimes() ? serviceLatencies.getValueAtPercentile(percentile) / 1e6 : 0;
  }

  /** Requests actually completed; values added by the correction are not requests. */
  public long requests() {
    return latencies.getTotalCount() - corrections;
  }

  /** Failures as a share of requests; 0 when there were none. */
  public double errorRate() {
    return requests() == 0 ? 0 : (double) failures / requests();
  }

  public double requestsPerSecond(Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : requests() / seconds;
  }

  public double meanMillis() {
    return requests() == 0 ? 0 : latencies.getMean() / 1e6;
  }

  public double minMillis() {
    return requests() == 0 ? 0 : latencies.getMinValue() / 1e6;
  }

  public double maxMillis() {
    return requests() == 0 ? 0 : latencies.getMaxValue() / 1e6;
  }

  /** The latency at a percentile (0..100), in milliseconds; 0 when there were no requests. */
  public double percentileMillis(double percentile) {
    return requests() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1e6;
  }
}
