package dev.loadtest.stats;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleRecorder;

/**
 * How custom-metric distributions are kept: HdrHistogram's double histograms. Two significant
 * digits (1%) keep each one near 55 KiB. Every histogram holds values of one fixed window, so
 * any two of them add up (HdrHistogram refuses to add histograms whose ranges do not fit one).
 *
 * <p>Limitation: a custom histogram holds 0 and values from 10^-6 to 10^9; a value outside that
 * range is counted as missing.
 */
public final class CustomHistograms {

  /** The smallest non-zero value a histogram holds. */
  public static final double LOWEST_VALUE = 1e-6;
  /** The largest value a histogram holds. */
  public static final double HIGHEST_VALUE = 1e9;
  /** Largest to smallest non-zero value: the window above. */
  static final long VALUE_RATIO = 1_000_000_000_000_000L;
  static final int SIGNIFICANT_DIGITS = 2;

  private CustomHistograms() {}

  /** True for 0 and the values of the window. */
  static boolean holds(double value) {
    return value == 0 || value >= LOWEST_VALUE && value <= HIGHEST_VALUE;
  }

  public static DoubleHistogram newHistogram() {
    return new DoubleHistogram(VALUE_RATIO, SIGNIFICANT_DIGITS);
  }

  static DoubleRecorder newRecorder() {
    return new DoubleRecorder(VALUE_RATIO, SIGNIFICANT_DIGITS);
  }
}
