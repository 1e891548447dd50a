package dev.loadtest.stats;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleRecorder;

/**
 * How custom-metric distributions are kept: HdrHistogram's double histograms, whose range
 * follows the values recorded. Two significant digits (1%) keep each one near 40 KiB.
 */
public final class CustomHistograms {

  /** Largest to smallest non-zero value one histogram holds: 0.001 beside 1,000,000,000. */
  static final long VALUE_RATIO = 1_000_000_000_000L;
  static final int SIGNIFICANT_DIGITS = 2;

  private CustomHistograms() {}

  public static DoubleHistogram newHistogram() {
    return new DoubleHistogram(VALUE_RATIO, SIGNIFICANT_DIGITS);
  }

  static DoubleRecorder newRecorder() {
    return new DoubleRecorder(VALUE_RATIO, SIGNIFICANT_DIGITS);
  }
}
