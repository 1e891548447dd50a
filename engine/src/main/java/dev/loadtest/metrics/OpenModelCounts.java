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
  }
}
