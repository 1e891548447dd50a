package dev.loadtest.stats;

/**
 * Values recorded by target monitors, for thresholds on monitor series. Implementations must be
 * safe to call from the thread that judges thresholds while monitors still record.
 */
@FunctionalInterface
public interface MonitorReadings {

  /** Every value recorded for the series so far, oldest first; empty when none was. */
  double[] values(String series);

  /** No monitors: every monitor threshold fails for want of evidence. */
  MonitorReadings NONE = series -> new double[0];
}
