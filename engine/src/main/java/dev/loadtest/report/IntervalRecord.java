package dev.loadtest.report;

import java.util.Map;

/**
 * What the saved results keep of one sampling interval besides its histograms, which live in
 * the interval log. Immutable.
 *
 * @param startNanos start of the interval, since the load started
 * @param endNanos end of the interval, since the load started
 * @param activeUsers virtual users active at its end
 * @param failures failures per request name; names without failures are absent
 * @param cpuShare the generator process's CPU use at its end, 0..1 of all cores; -1 unknown
 * @param heapBytes the generator's heap in use at its end
 */
public record IntervalRecord(long startNanos, long endNanos, int activeUsers,
    Map<String, Long> failures, double cpuShare, long heapBytes) {

  public IntervalRecord {
    failures = Map.copyOf(failures);
  }

  public long lengthNanos() {
    return Math.max(1, endNanos - startNanos);
  }
}
