package dev.loadtest.metrics;

import java.util.Arrays;

/**
 * The upper bounds, in seconds, of the exported latency histogram's buckets: dense below a
 * second for fast APIs, then steps up to a minute for LLM answers. Every generator uses the same
 * bounds, so buckets add up across generators and {@code histogram_quantile} works on the sum.
 */
public final class LatencyBuckets {

  private static final double[] UPPER_BOUNDS_SECONDS = {
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 45,
      60};

  private LatencyBuckets() {}

  /** The finite upper bounds in seconds, ascending; {@code +Inf} is implied. A copy. */
  public static double[] upperBoundsSeconds() {
    return UPPER_BOUNDS_SECONDS.clone();
  }

  /** The index of the first bucket whose bound holds the value, or the count for +Inf. */
  static int indexOf(long nanos) {
    double seconds = nanos / 1e9;
    int found = Arrays.binarySearch(UPPER_BOUNDS_SECONDS, seconds);
    return found >= 0 ? found : -found - 1;
  }

  /** How many finite bounds there are. */
  static int count() {
    return UPPER_BOUNDS_SECONDS.length;
  }
}
