package dev.loadtest.report;

import java.util.List;

/**
 * Per-interval figures of every request name, replayed from the interval log for charts and
 * Locust's history file. Sized by intervals times request names, never by requests.
 * Immutable after construction; the arrays are not to be modified.
 */
public final class TimeSeries {

  /** Intervals over which history rates are averaged, as Locust's ten-second window. */
  static final int RATE_WINDOW = 10;

  private final List<String> names;
  private final double[] endSeconds;
  private final long[][] requests;
  private final double[][] p95Millis;
  private final List<HistoryRow> history;

  /**
   * @param names request names, indexing the first dimension of the arrays
   * @param endSeconds end of each interval, seconds since the load started
   * @param requests requests of each name in each interval
   * @param p95Millis 95th percentile of each name in each interval, NaN when it had none
   * @param history the rows of Locust's history file
   */
  TimeSeries(List<String> names, double[] endSeconds, long[][] requests,
      double[][] p95Millis, List<HistoryRow> history) {
    this.names = List.copyOf(names);
    this.endSeconds = endSeconds;
    this.requests = requests;
    this.p95Millis = p95Millis;
    this.history = List.copyOf(history);
  }

  /** Series with the timeline's times only, when the interval log could not be read. */
  static TimeSeries timelineOnly(List<String> names, List<IntervalRecord> intervals) {
    double[] endSeconds = intervals.stream().mapToDouble(i -> i.endNanos() / 1e9).toArray();
    double[][] p95 = new double[names.size()][endSeconds.length];
    for (double[] row : p95) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return new TimeSeries(names, endSeconds, new long[names.size()][endSeconds.length], p95,
        List.of());
  }

  public List<String> names() {
    return names;
  }

  public int intervalCount() {
    return endSeconds.length;
  }

  double[] endSeconds() {
    return endSeconds;
  }

  long[] requests(int nameIndex) {
    return requests[nameIndex];
  }

  double[] p95Millis(int nameIndex) {
    return p95Millis[nameIndex];
  }

  public List<HistoryRow> history() {
    return history;
  }

  @Override
  public String toString() {
    return "TimeSeries[" + names.size() + " names x " + endSeconds.length + " intervals]";
  }
}
