package dev.loadtest.report;

import java.util.List;

/**
 * One row of Locust's {@code _stats_history.csv} for all requests: rates over the last
 * intervals, cumulative latencies so far. Immutable.
 *
 * @param epochSeconds end of the interval, Unix seconds
 * @param users virtual users active at its end
 * @param requestsPerSecond completions per second over the last {@link TimeSeries#RATE_WINDOW}
 *     intervals, as Locust's "current" rate
 * @param failuresPerSecond failures per second over the same window
 * @param percentileMillis cumulative latency at each of {@link LocustCsv#PERCENTILES}, ms
 * @param requests requests since the start
 * @param failures failures since the start
 * @param meanMillis mean latency since the start
 * @param minMillis smallest latency since the start
 * @param maxMillis largest latency since the start
 */
public record HistoryRow(long epochSeconds, int users, double requestsPerSecond,
    double failuresPerSecond, List<Double> percentileMillis, long requests, long failures,
    double meanMillis, double minMillis, double maxMillis) {

  public HistoryRow {
    percentileMillis = List.copyOf(percentileMillis);
  }
}
