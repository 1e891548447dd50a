package dev.loadtest.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Histogram ranges of LLM counts and rates; times use {@link LatencyHistograms}. */
public final class LlmHistograms {

  /** Tokens per answer and milli-tokens per second fit under ten billion; more is clamped. */
  public static final long HIGHEST_COUNT = 10_000_000_000L;

  private LlmHistograms() {}

  public static Recorder newCountRecorder() {
    return new Recorder(HIGHEST_COUNT, LatencyHistograms.SIGNIFICANT_DIGITS);
  }

  public static Histogram newCountHistogram() {
    return new Histogram(HIGHEST_COUNT, LatencyHistograms.SIGNIFICANT_DIGITS);
  }

  static long clampCount(long value) {
    return Math.max(0, Math.min(HIGHEST_COUNT, value));
  }
}
