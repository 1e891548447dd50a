package dev.loadtest.report;

import java.util.Arrays;

/**
 * Adds up {@link SparseCounts}: one interval's request names, for the interval's total
 * percentiles, or every interval so far, for the running totals. Clearing touches only the
 * positions that were filled, so one instance serves every interval of a long run at the cost
 * of what each interval recorded.
 * Not thread-safe.
 */
final class MergedCounts {

  private long[] countsByIndex = new long[0];
  private int[] touched = new int[64];
  private int touchedSize;
  private BucketLayout layout;

  /** Adds the counts; every part of one merge must share its layout. */
  void add(SparseCounts part) {
    // An empty part, such as the sum of an interval without requests, has no layout (null)
    // and adds nothing, so there is nothing to agree on.
    if (part.size() == 0) {
      return;
    }
    if (layout == null) {
      layout = part.layout();
    } else if (!layout.equals(part.layout())) {
      throw new IllegalArgumentException("histograms of " + layout + " and " + part.layout()
          + " cannot be added position by position");
    }
    for (int i = 0; i < part.size(); i++) {
      add(part.indexAt(i), part.countAt(i));
    }
  }

  private void add(int index, long count) {
    if (index >= countsByIndex.length) {
      countsByIndex = Arrays.copyOf(countsByIndex, Math.max(index + 1,
          countsByIndex.length * 2));
    }
    if (countsByIndex[index] == 0) {
      if (touchedSize == touched.length) {
        touched = Arrays.copyOf(touched, touchedSize * 2);
      }
      touched[touchedSize++] = index;
    }
    countsByIndex[index] += count;
  }

  /** The sum so far, in position order; empty (and without a layout) when nothing was added. */
  SparseCounts sum() {
    // Sorted in place: a running sum gains few new positions per interval, so the next sort
    // meets an almost sorted array.
    Arrays.sort(touched, 0, touchedSize);
    int[] indexes = Arrays.copyOf(touched, touchedSize);
    long[] counts = new long[touchedSize];
    for (int i = 0; i < touchedSize; i++) {
      counts[i] = countsByIndex[indexes[i]];
    }
    return new SparseCounts(layout, indexes, counts, touchedSize);
  }

  /** Empties the sum for the next interval. */
  void clear() {
    for (int i = 0; i < touchedSize; i++) {
      countsByIndex[touched[i]] = 0;
    }
    touchedSize = 0;
    layout = null;
  }

  @Override
  public String toString() {
    return "MergedCounts[" + touchedSize + " positions filled]";
  }
}
