package dev.loadtest.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A Prometheus-style cumulative histogram fed from interval HdrHistograms, so the request path
 * does no extra work. Each recorded HdrHistogram value is counted in the first bucket whose
 * bound is at least the highest value it stands for (a conservative rounding of at most 0.1%).
 * Not thread-safe: one writer; readers take {@link #counts()} copies under the caller's lock.
 */
final class CumulativeHistogram {

  private final long[] bucketCounts = new long[LatencyBuckets.count() + 1];
  private double sumSeconds;
  private long count;

  /** Adds every value of one interval (nanoseconds). */
  void add(Histogram intervalNanos) {
    for (HistogramIterationValue value : intervalNanos.recordedValues()) {
      long occurrences = value.getCountAtValueIteratedTo();
      bucketCounts[LatencyBuckets.indexOf(value.getValueIteratedTo())] += occurrences;
      sumSeconds += intervalNanos.medianEquivalentValue(value.getValueIteratedTo())
          * (double) occurrences / 1e9;
      count += occurrences;
    }
  }

  /** Counts per bucket (not cumulative), ascending, the last one for +Inf; a copy. */
  long[] bucketCounts() {
    return bucketCounts.clone();
  }

  double sumSeconds() {
    return sumSeconds;
  }

  long count() {
    return count;
  }

  @Override
  public String toString() {
    return "CumulativeHistogram[count=" + count + " sum=" + sumSeconds + "s]";
  }
}
