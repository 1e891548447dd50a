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
  /** Time on the wire, kept apart only where latency counts from an intended start. */
  private final Recorder serviceRecorder;
  private final Histogram serviceCumulative;
  private Histogram serviceReuse;
  private final LongAdder intervalFailures = new LongAdder();
  private final LongAdder intervalCorrections = new LongAdder();
  private long corrections;
  private final Histogram cumulative = LatencyHistograms.newHistogram();
  private Histogram intervalReuse;
  private long failures;

  RequestStats(String name, boolean tracksServiceTime) {
    this.name = name;
    this.serviceRecorder = tracksServiceTime ? LatencyHistograms.newRecorder() : null;
    this.serviceCumulative = tracksServiceTime ? LatencyHistograms.newHistogram() : null;
  }

  void record(long latencyNanos, boolean failed) {
    recorder.recordValue(latencyNanos);
    if (failed) {
      intervalFailures.increment();
    }
  }

  /**
   * Records a latency with HdrHistogram's correction for coordinated omission: a value longer
   * than the expected interval also adds the values the missed iterations would have seen.
   */
  void recordCorrected(long latencyNanos, long expectedIntervalNanos, boolean failed) {
    recorder.recordValueWithExpectedInterval(latencyNanos, expectedIntervalNanos);
    // HdrHistogram adds latency - k * interval for every k that leaves at least one interval.
    long filledIn = latencyNanos / expectedIntervalNanos - 1;
    if (filledIn > 0) {
      intervalCorrections.add(filledIn);
    }
    if (failed) {
      intervalFailures.increment();
    }
  }

  void recordServiceTime(long serviceNanos) {
    if (serviceRecorder != null) {
      serviceRecorder.recordValue(serviceNanos);
    }
  }

  /** Swaps the recorder and folds the interval into the cumulative histogram. */
  IntervalSample sample() {
    intervalReuse = recorder.getIntervalHistogram(intervalReuse);
    long intervalFailed = intervalFailures.sumThenReset();
    cumulative.add(intervalReuse);
    failures += intervalFailed;
    corrections += intervalCorrections.sumThenReset();
    if (serviceRecorder != null) {
      serviceReuse = serviceRecorder.getIntervalHistogram(serviceReuse);
      serviceCumulative.add(serviceReuse);
    }
    return new IntervalSample(intervalReuse.copy(), intervalFailed);
  }

  String name() {
    return name;
  }

  Histogram cumulativeCopy() {
    return cumulative.copy();
  }

  /** Service times so far; empty when latency and service time are the same thing. */
  Histogram serviceTimesCopy() {
    return serviceCumulative == null ? LatencyHistograms.newHistogram() : serviceCumulative.copy();
  }

  long failures() {
    return failures;
  }

  /** Forgets everything recorded so far (the warm-up); recording goes on. */
  void discardSoFar() {
    sample();
    cumulative.reset();
    failures = 0;
    corrections = 0;
    if (serviceCumulative != null) {
      serviceCumulative.reset();
    }
  }

  /** Values the coordinated-omission correction added, beyond the requests sent. */
  long corrections() {
    return corrections;
  }

  /** One interval of one request name: its latencies and failures. */
  record IntervalSample(Histogram latencies, long failures) {}

  @Override
  public String toString() {
    return "RequestStats[" + name + " requests=" + cumulative.getTotalCount() + " failures="
        + failures + "]";
  }
}
