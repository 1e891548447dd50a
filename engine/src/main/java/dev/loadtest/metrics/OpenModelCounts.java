package dev.loadtest.metrics;

import dev.loadtest.stats.Interval;
import java.util.Optional;

/**
 * What an open load model reports for the live metrics: arrivals scheduled and dropped since the
 * load started, and how late the generator was in the last interval.
 *
 * @param arrivals arrivals scheduled so far
 * @param dropped arrivals dropped so far because they could not start in time
 * @param lagSeconds how late requests started in the last interval, seconds
 */
public record OpenModelCounts(long arrivals, long dropped, double lagSeconds) {

  /**
   * Reads the open model's counts from an interval. The exporter calls it once per interval and
   * exports the arrival, dropped and lag series only when it answers.
   */
  @FunctionalInterface
  public interface Source {

    Optional<OpenModelCounts> read(Interval interval);

    /** For runs whose intervals carry no open-model counts: closed models. */
    Source NONE = interval -> Optional.empty();

    /**
     * Adds up the arrivals and drops of every interval since the load started; the lag is the
     * interval's 99th percentile. Not thread-safe: for the one sampler thread that reads
     * intervals in order.
     */
    static Source fromIntervals() {
      return new Source() {
        private long arrivals;
        private long dropped;

        @Override
        public Optional<OpenModelCounts> read(Interval interval) {
          arrivals += interval.point().arrivals();
          dropped += interval.point().dropped();
          return Optional.of(new OpenModelCounts(arrivals, dropped,
              interval.point().lagP99Millis() / 1000));
        }

        @Override
        public String toString() {
          return "OpenModelCounts.Source[arrivals=" + arrivals + ", dropped=" + dropped + "]";
        }
      };
    }
  }
}
