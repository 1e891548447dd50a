package dev.loadtest.report;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The non-empty positions of a histogram and their counts, in ascending order: what one
 * interval of one request name holds, a few dozen entries where a whole histogram of the
 * one-hour range has 33,792 positions. Percentiles follow HdrHistogram's own rule, so they
 * equal those of the histogram the counts came from. Immutable; the arrays are private.
 */
final class SparseCounts {

  private final BucketLayout layout;
  private final int[] indexes;
  private final long[] counts;
  private final long totalCount;

  /** Takes the first {@code size} entries of the arrays, which must ascend by index. */
  SparseCounts(BucketLayout layout, int[] indexes, long[] counts, int size) {
    this.layout = layout;
    this.indexes = Arrays.copyOf(indexes, size);
    this.counts = Arrays.copyOf(counts, size);
    long total = 0;
    for (int i = 0; i < size; i++) {
      total += this.counts[i];
    }
    this.totalCount = total;
  }

  BucketLayout layout() {
    return layout;
  }

  long totalCount() {
    return totalCount;
  }

  int size() {
    return indexes.length;
  }

  int indexAt(int entry) {
    return indexes[entry];
  }

  long countAt(int entry) {
    return counts[entry];
  }

  /**
   * The value at a percentile (0..100) as {@link Histogram#getValueAtPercentile} computes it:
   * the highest value of the first position whose running count reaches the rank, the lowest
   * for percentile 0; 0 without counts.
   */
  long valueAtPercentile(double percentile) {
    double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY),
        0), 100);
    long rank = Math.max(1, (long) Math.ceil(requested * totalCount / 100));
    long running = 0;
    for (int i = 0; i < indexes.length; i++) {
      running += counts[i];
      if (running >= rank) {
        return percentile == 0 ? layout.valueAt(indexes[i]) : layout.highestValueAt(indexes[i]);
      }
    }
    return 0;
  }

  /**
   * The mean as {@link Histogram#getMean} computes it: the middle of each position's values,
   * weighted by its count, summed in position order; 0 without counts.
   */
  double mean() {
    if (totalCount == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < indexes.length; i++) {
      long lowest = layout.valueAt(indexes[i]);
      long middle = lowest + ((layout.valueAt(indexes[i] + 1) - lowest) >> 1);
      sum += middle * (double) counts[i];
    }
    return sum / totalCount;
  }

  /** The lowest value as {@link Histogram#getMinValue} gives it; 0 without counts. */
  long minValue() {
    return totalCount == 0 || indexes[0] == 0 ? 0 : layout.valueAt(indexes[0]);
  }

  /** The highest value as {@link Histogram#getMaxValue} gives it; 0 without counts. */
  long maxValue() {
    return totalCount == 0 ? 0 : layout.highestValueAt(indexes[indexes.length - 1]);
  }

  /** Adds every count to {@code histogram}, as {@link Histogram#add} would. */
  void recordInto(Histogram histogram) {
    for (int i = 0; i < indexes.length; i++) {
      histogram.recordValueWithCount(layout.valueAt(indexes[i]), counts[i]);
    }
  }

  @Override
  public String toString() {
    return "SparseCounts[" + indexes.length + " positions, " + totalCount + " values]";
  }
}
