package dev.loadtest.stats;

import org.HdrHistogram.Histogram;

/**
 * One point of the run's timeline, for progress lines and charts.
 *
 * @param elapsedMillis end of the interval, since the run started
 * @param requests requests completed in the interval
 * @param failures failures in the interval
 * @param requestsPerSecond completion rate over the interval
 * @param p50Millis median latency of the interval, 0 when it had no requests
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param activeUsers virtual users active at the end of the interval
 * @param requestsSent requests sent in the interval (throughput by send time)
 * @param dropped arrivals dropped in the interval at a concurrency cap
 * @param lagP99Millis 99th percentile of how late intended starts were sent
 * @param lagMaxMillis the latest intended start of the interval
 * @param arrivals arrivals open models scheduled in the interval (started, queued or dropped)
 */
public record IntervalPoint(
    long elapsedMillis,
    long requests,
    long failures,
    double requestsPerSecond,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    int activeUsers,
    long requestsSent,
    long dropped,
    double lagP99Millis,
    double lagMaxMillis,
    long arrivals) {

  /** A point of a run without open-model measurements. */
  public IntervalPoint(long elapsedMillis, long requests, long failures,
      double requestsPerSecond, double p50Millis, double p95Millis, double p99Millis,
      int activeUsers) {
    this(elapsedMillis, requests, failures, requestsPerSecond, p50Millis, p95Millis, p99Millis,
        activeUsers, requests, 0, 0, 0, 0);
  }

  /** What the generator itself did in the interval. */
  record Load(long sent, long dropped, Histogram lag, long arrivals) {}

  static IntervalPoint of(long elapsedNanos, long lengthNanos, Histogram latencies,
      long failures, int users, Load load) {
    long requests = latencies.getTotalCount();
    return new IntervalPoint(elapsedNanos / 1_000_000, requests, failures,
        requests * 1e9 / lengthNanos, millis(latencies, 50), millis(latencies, 95),
        millis(latencies, 99), users, load.sent(), load.dropped(), millis(load.lag(), 99),
        load.lag().getTotalCount() == 0 ? 0 : load.lag().getMaxValue() / 1e6, load.arrivals());
  }

  private static double millis(Histogram latencies, double percentile) {
    return latencies.getTotalCount() == 0 ? 0
        : latencies.getValueAtPercentile(percentile) / 1e6;
  }
}
