package dev.loadtest.stats;

import org.HdrHistogram.Histogram;

/**
 * The LLM statistics of one request name (or of all, "Aggregated"), cumulative. Histograms are
 * private copies, not to be modified.
 *
 * @param name the request name
 * @param ttft time to first token, nanoseconds
 * @param interToken gaps between content chunks, first excluded, nanoseconds
 * @param timePerOutputToken (latency - TTFT) / (output tokens - 1), nanoseconds
 * @param milliTokensPerSecond output tokens per second of latency, per answer, in thousandths
 * @param outputTokens output tokens per answer
 * @param totals counts and cost
 */
public record LlmSummary(String name, Histogram ttft, Histogram interToken,
    Histogram timePerOutputToken, Histogram milliTokensPerSecond, Histogram outputTokens,
    LlmTotals totals) {

  /** Nothing measured yet. */
  public static LlmSummary empty(String name) {
    return new LlmSummary(name, LatencyHistograms.newHistogram(),
        LatencyHistograms.newHistogram(), LatencyHistograms.newHistogram(),
        LlmHistograms.newCountHistogram(), LlmHistograms.newCountHistogram(), LlmTotals.ZERO);
  }

  /** This summary with another added (for the aggregate); neither is modified. */
  public LlmSummary plus(LlmSummary other, String newName) {
    return new LlmSummary(newName, sum(ttft, other.ttft), sum(interToken, other.interToken),
        sum(timePerOutputToken, other.timePerOutputToken),
        sum(milliTokensPerSecond, other.milliTokensPerSecond),
        sum(outputTokens, other.outputTokens), totals.plus(other.totals));
  }

  private static Histogram sum(Histogram a, Histogram b) {
    Histogram sum = a.copy();
    sum.add(b);
    return sum;
  }

  /** A time statistic in milliseconds; NaN when nothing was recorded. */
  public static double millis(Histogram nanos, double percentile) {
    return nanos.getTotalCount() == 0 ? Double.NaN : nanos.getValueAtPercentile(percentile) / 1e6;
  }

  /** Mean of a time histogram in milliseconds; NaN when nothing was recorded. */
  public static double meanMillis(Histogram nanos) {
    return nanos.getTotalCount() == 0 ? Double.NaN : nanos.getMean() / 1e6;
  }

  /** Output tokens per second at a percentile; NaN without answers. */
  public double tokensPerSecond(double percentile) {
    return milliTokensPerSecond.getTotalCount() == 0 ? Double.NaN
        : milliTokensPerSecond.getValueAtPercentile(percentile) / 1e3;
  }

  /** True when at least one LLM answer was measured under this name. */
  public boolean hasAnswers() {
    return totals.requests() > 0 || interToken.getTotalCount() > 0;
  }
}
