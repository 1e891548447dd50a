package dev.loadtest.stats;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * LLM statistics of one request name. Recording is wait-free and safe from any thread (one
 * histogram record or adder increment per value); {@link #sample} is for one sampler thread.
 */
final class LlmStats {

  private final String name;
  private final Recorder ttft = LatencyHistograms.newRecorder();
  private final Recorder interToken = LatencyHistograms.newRecorder();
  private final Recorder timePerOutputToken = LatencyHistograms.newRecorder();
  private final Recorder milliTokensPerSecond = LlmHistograms.newCountRecorder();
  private final Recorder outputTokens = LlmHistograms.newCountRecorder();
  private final LongAdder[] counts = new LongAdder[Count.values().length];
  private Histogram ttftReuse;
  private Histogram interTokenReuse;
  private Histogram tpotReuse;
  private Histogram rateReuse;
  private Histogram tokensReuse;
  /** Folded into in place each interval; copied only when a snapshot asks. */
  private final LlmSummary cumulative;
  private LlmTotals cumulativeTotals = LlmTotals.ZERO;

  /** Adders in the order of {@link LlmTotals}'s components. */
  private enum Count {
    REQUESTS, INPUT, OUTPUT, CACHED, CACHED_REPORTED, FROM_USAGE, FROM_CHUNKS, COST, HITS,
    CHECKED, GOOD
  }

  LlmStats(String name) {
    this.name = name;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
    this.cumulative = LlmSummary.empty(name);
  }

  void recordGap(long gapNanos) {
    interToken.recordValue(gapNanos);
  }

  void record(LlmMeasurement answer) {
    if (answer.ttftNanos() >= 0) {
      ttft.recordValue(clampNanos(answer.ttftNanos()));
    }
    if (answer.tpotNanos() >= 0) {
      timePerOutputToken.recordValue(clampNanos(answer.tpotNanos()));
    }
    milliTokensPerSecond.recordValue(LlmHistograms.clampCount(answer.milliTokensPerSecond()));
    outputTokens.recordValue(LlmHistograms.clampCount(answer.outputTokens()));
    add(Count.REQUESTS, 1);
    add(Count.INPUT, answer.inputTokens());
    add(Count.OUTPUT, answer.outputTokens());
    if (answer.cachedTokens() >= 0) {
      add(Count.CACHED, answer.cachedTokens());
      add(Count.CACHED_REPORTED, 1);
    }
    add(answer.tokensFromUsage() ? Count.FROM_USAGE : Count.FROM_CHUNKS, 1);
    add(Count.COST, answer.costPicoUsd());
    if (answer.cacheHit() >= 0) {
      add(Count.CHECKED, 1);
      add(Count.HITS, answer.cacheHit());
    }
    if (answer.meetsObjectives()) {
      add(Count.GOOD, 1);
    }
  }

  private void add(Count count, long value) {
    if (value != 0) {
      counts[count.ordinal()].add(value);
    }
  }

  private static long clampNanos(long nanos) {
    return Math.max(0, Math.min(LatencyHistograms.HIGHEST_TRACKABLE_NANOS, nanos));
  }

  /** Swaps the recorders; folds the interval into the cumulative summary and returns it. */
  LlmSummary sample() {
    ttftReuse = ttft.getIntervalHistogram(ttftReuse);
    interTokenReuse = interToken.getIntervalHistogram(interTokenReuse);
    tpotReuse = timePerOutputToken.getIntervalHistogram(tpotReuse);
    rateReuse = milliTokensPerSecond.getIntervalHistogram(rateReuse);
    tokensReuse = outputTokens.getIntervalHistogram(tokensReuse);
    LlmSummary interval = new LlmSummary(name, ttftReuse.copy(), interTokenReuse.copy(),
        tpotReuse.copy(), rateReuse.copy(), tokensReuse.copy(), totals());
    cumulative.ttft().add(ttftReuse);
    cumulative.interToken().add(interTokenReuse);
    cumulative.timePerOutputToken().add(tpotReuse);
    cumulative.milliTokensPerSecond().add(rateReuse);
    cumulative.outputTokens().add(tokensReuse);
    cumulativeTotals = cumulativeTotals.plus(interval.totals());
    return interval;
  }

  private LlmTotals totals() {
    long[] values = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      values[i] = counts[i].sumThenReset();
    }
    return new LlmTotals(values[0], values[1], values[2], values[3], values[4], values[5],
        values[6], values[7], values[8], values[9], values[10]);
  }

  /** Everything so far, as private copies. */
  LlmSummary cumulative() {
    return new LlmSummary(name, cumulative.ttft().copy(), cumulative.interToken().copy(),
        cumulative.timePerOutputToken().copy(), cumulative.milliTokensPerSecond().copy(),
        cumulative.outputTokens().copy(), cumulativeTotals);
  }

  @Override
  public String toString() {
    return "LlmStats[" + name + " answers=" + cumulativeTotals.requests() + "]";
  }
}
