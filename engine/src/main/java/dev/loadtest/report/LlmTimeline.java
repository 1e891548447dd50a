package dev.loadtest.report;

import java.util.Arrays;

/**
 * Streamed answers over time, one entry per interval of the run, for the TTFT and tokens
 * charts. Replayed from the interval log, where each interval's TTFTs and output-token counts
 * of all request names are kept as histograms under {@link #TTFT_TAG} and {@link #TOKENS_TAG},
 * so that they add up exactly when workers are merged. Immutable; the arrays are copies.
 *
 * @param ttftP50Millis median time to first token of the answers that ended in the interval
 *     (an answer is measured when it ends); NaN when none did
 * @param ttftP95Millis their 95th percentile; NaN when none
 * @param outputTokensPerSecond output tokens of the answers that ended in the interval, per
 *     second of it
 */
public record LlmTimeline(double[] ttftP50Millis, double[] ttftP95Millis,
    double[] outputTokensPerSecond) {

  /**
   * Tags of the interval log. Request names are written URL-encoded, which never leaves a raw
   * {@code ~}, so these cannot collide with a request name.
   */
  static final String TTFT_TAG = "~llm.ttft";
  static final String TOKENS_TAG = "~llm.output-tokens";

  /** A run without streamed answers. */
  static final LlmTimeline NONE = new LlmTimeline(new double[0], new double[0], new double[0]);

  public LlmTimeline {
    ttftP50Millis = ttftP50Millis.clone();
    ttftP95Millis = ttftP95Millis.clone();
    outputTokensPerSecond = outputTokensPerSecond.clone();
  }

  /** True when some interval had an answer. */
  boolean present() {
    return Arrays.stream(ttftP50Millis).anyMatch(value -> !Double.isNaN(value));
  }

  static boolean isLlmTag(String tag) {
    return TTFT_TAG.equals(tag) || TOKENS_TAG.equals(tag);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LlmTimeline that
        && Arrays.equals(ttftP50Millis, that.ttftP50Millis)
        && Arrays.equals(ttftP95Millis, that.ttftP95Millis)
        && Arrays.equals(outputTokensPerSecond, that.outputTokensPerSecond);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ttftP50Millis) * 31 + Arrays.hashCode(outputTokensPerSecond);
  }

  @Override
  public String toString() {
    return "LlmTimeline[" + ttftP50Millis.length + " intervals, present=" + present() + "]";
  }
}
