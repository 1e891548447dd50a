package dev.loadtest.stats;

import dev.loadtest.plan.CustomSeries;
import dev.loadtest.plan.ThresholdMetric;
import java.time.Duration;
import org.HdrHistogram.DoubleHistogram;

/**
 * What one custom-metric series recorded, over an interval or the run so far, in a form that
 * merges exactly: sums and counts add, HdrHistograms add, bucket counts add. Immutable by
 * convention: the histogram and the array are private copies that no one modifies.
 *
 * @param series the series these values belong to
 * @param sum every recorded value added up, in the metric's unit
 * @param count values recorded
 * @param missing responses whose value was absent, not a number, negative or out of range
 * @param min the lowest value exactly; NaN when none was recorded
 * @param max the highest value exactly; NaN when none was recorded
 * @param values the distribution of the values (histograms; empty for counters)
 * @param bucketCounts values per exported bucket, not cumulative, the last one above every
 *     bound (histograms; empty for counters)
 */
public record CustomSeriesValues(CustomSeries series, double sum, long count, long missing,
    double min, double max, DoubleHistogram values, long[] bucketCounts) {

  /** Nothing recorded yet. */
  public static CustomSeriesValues empty(CustomSeries series) {
    return new CustomSeriesValues(series, 0, 0, 0, Double.NaN, Double.NaN,
        CustomHistograms.newHistogram(),
        new long[series.metric().isHistogram() ? series.metric().buckets().size() + 1 : 0]);
  }

  /** These values and {@code other}'s together, labelled as {@code as}. */
  public CustomSeriesValues plus(CustomSeriesValues other, CustomSeries as) {
    DoubleHistogram both = values.copy();
    both.add(other.values);
    long[] buckets = bucketCounts.clone();
    for (int i = 0; i < buckets.length && i < other.bucketCounts.length; i++) {
      buckets[i] += other.bucketCounts[i];
    }
    return new CustomSeriesValues(as, sum + other.sum, count + other.count,
        missing + other.missing, lower(min, other.min), higher(max, other.max), both, buckets);
  }

  /** The lower of two values, where NaN means none. */
  private static double lower(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double higher(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /**
   * The statistic a threshold judges; NaN for a distribution's statistic when no value was
   * recorded, as there is then nothing to judge.
   */
  public double statistic(ThresholdMetric.Custom metric, Duration elapsed) {
    return switch (metric.statistic()) {
      case SUM -> sum;
      case RATE -> elapsed.isZero() ? 0 : sum / (elapsed.toNanos() / 1e9);
      case COUNT -> count;
      case MISSING -> missing;
      case MEAN -> mean();
      case MIN -> min;
      case MAX -> max;
      case PERCENTILE -> percentile(metric.percentile());
    };
  }

  /** A percentile of the values, within 1%; NaN when none was recorded. */
  public double percentile(double percentile) {
    return values.getTotalCount() == 0 ? Double.NaN
        : values.getValueAtPercentile(percentile);
  }

  /** The mean of the values; NaN when none was recorded. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  @Override
  public String toString() {
    return "CustomSeriesValues[" + series.describe() + " sum=" + sum + ", count=" + count
        + ", missing=" + missing + "]";
  }
}
