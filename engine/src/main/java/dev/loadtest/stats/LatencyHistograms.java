package dev.loadtest.stats;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The one histogram configuration every recorder and merge in loadtest shares. */
public final class LatencyHistograms {

  /** Longest latency tracked exactly: an hour; longer values are clamped and counted. */
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
  /** Three significant digits: 0.1% relative precision at every magnitude. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private LatencyHistograms() {}

  public static Recorder newRecorder() {
    return new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }

  public static Histogram newHistogram() {
    return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }
}
