package dev.loadtest.stats;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Statistics of one request name. Recording is wait-free and safe from any thread; interval
 * sampling must be done by one thread at a time (the {@link RunStats} sampler).
 */
final class RequestStats {

  private final String name;
  private final Recorder recorder = LatencyHistograms.newRecorder();
  private final LongAdder intervalFailures = new LongAdder();
  private final Histogram cumulative = LatencyHistograms.newHistogram();
  private Histogram intervalReuse;
  private long failures;

  RequestStats(String name) {
    this.name = name;
  }

  void record(long latencyNanos, boolean failed) {
    recorder.recordValue(latencyNanos);
    if (failed) {
      intervalFailures.increment();
    }
  }

  /** Swaps the recorder and folds the interval into the cumulative histogram. */
  IntervalSample sample() {
    intervalReuse = recorder.getIntervalHistogram(intervalReuse);
    long intervalFailed = intervalFailures.sumThenReset();
    cumulative.add(intervalReuse);
    failures += intervalFailed;
    return new IntervalSample(intervalReuse.copy(), intervalFailed);
  }

  String name() {
    return name;
  }

  Histogram cumulativeCopy() {
    return cumulative.copy();
  }

  long failures() {
    return failures;
  }

  /** One interval of one request name: its latencies and failures. */
  record IntervalSample(Histogram latencies, long failures) {}

  @Override
  public String toString() {
    return "RequestStats[" + name + " requests=" + cumulative.getTotalCount() + " failures="
        + failures + "]";
  }
}
