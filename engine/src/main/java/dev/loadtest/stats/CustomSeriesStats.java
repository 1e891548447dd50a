package dev.loadtest.stats;

import dev.loadtest.plan.CustomSeries;
import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleRecorder;

/**
 * One custom-metric series while the run records it. Recording is wait-free and safe from any
 * thread (adders and an HdrHistogram recorder); {@link #sample} and the cumulative side are for
 * one sampler thread.
 */
final class CustomSeriesStats {

  private final CustomSeries series;
  private final boolean histogram;
  private final double[] bounds;
  private final DoubleRecorder recorder = CustomHistograms.newRecorder();
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder count = new LongAdder();
  private final LongAdder missing = new LongAdder();
  private final DoubleAccumulator min = new DoubleAccumulator(Math::min,
      Double.POSITIVE_INFINITY);
  private final DoubleAccumulator max = new DoubleAccumulator(Math::max,
      Double.NEGATIVE_INFINITY);
  private final LongAdder[] buckets;
  private DoubleHistogram reuse;
  private CustomSeriesValues cumulative;

  CustomSeriesStats(CustomSeries series) {
    this.series = series;
    this.histogram = series.metric().isHistogram();
    this.bounds = series.metric().bucketArray();
    this.buckets = new LongAdder[histogram ? bounds.length + 1 : 0];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
    this.cumulative = CustomSeriesValues.empty(series);
  }

  void record(double value) {
    if (histogram) {
      if (!CustomHistograms.holds(value)) {
        // Beyond the histograms' window: counted, not lost, and never breaking a later merge.
        missing.increment();
        return;
      }
      recorder.recordValue(value);
      buckets[bucketOf(value)].increment();
    }
    sum.add(value);
    min.accumulate(value);
    max.accumulate(value);
    count.increment();
  }

  void recordMissing() {
    missing.increment();
  }

  /** The first bucket whose upper bound holds the value; the last one holds the rest. */
  private int bucketOf(double value) {
    int at = Arrays.binarySearch(bounds, value);
    return at >= 0 ? at : -at - 1;
  }

  /** Swaps the interval's values out, folds them into the run so far and returns them. */
  CustomSeriesValues sample() {
    long[] counts = new long[buckets.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = buckets[i].sumThenReset();
    }
    DoubleHistogram values = CustomHistograms.newHistogram();
    if (histogram) {
      reuse = recorder.getIntervalHistogram(reuse);
      values.add(reuse);
    }
    double lowest = min.getThenReset();
    double highest = max.getThenReset();
    CustomSeriesValues interval = new CustomSeriesValues(series, sum.sumThenReset(),
        count.sumThenReset(), missing.sumThenReset(),
        Double.isInfinite(lowest) ? Double.NaN : lowest,
        Double.isInfinite(highest) ? Double.NaN : highest, values, counts);
    cumulative = cumulative.plus(interval, series);
    return interval;
  }

  CustomSeriesValues cumulative() {
    return cumulative;
  }

  /** Starts the run's totals afresh after the warm-up; the live exports keep their own. */
  void discardSoFar() {
    cumulative = CustomSeriesValues.empty(series);
  }

  @Override
  public String toString() {
    return "CustomSeriesStats[" + series.describe() + ", so far " + cumulative.count()
        + " values]";
  }
}
