package dev.loadtest.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative counts of HTTP status classes and failure kinds per request name, for live
 * metrics. One {@link LongAdder} increment per request, so it stays off the contended path.
 * Recording is safe from any thread; {@link #snapshot()} may run concurrently with recording and
 * sees each counter at some moment during the call.
 */
public final class OutcomeCounters {

  /** Status classes counted: index 0 is 1xx, ..., 4 is 5xx; anything else lands in 5. */
  public static final int STATUS_CLASSES = 6;

  private static final FailureKind[] KINDS = FailureKind.values();

  private final LongAdder[] statuses;
  private final LongAdder[] failures;
  private final int requestNames;

  /** @param requestNames how many request names the plan has (statsKeys 0..n-1) */
  public OutcomeCounters(int requestNames) {
    this.requestNames = requestNames;
    this.statuses = adders(requestNames * STATUS_CLASSES);
    this.failures = adders(requestNames * KINDS.length);
  }

  private static LongAdder[] adders(int size) {
    LongAdder[] adders = new LongAdder[size];
    for (int i = 0; i < size; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  /** Counts a response with this HTTP status. */
  public void recordStatus(int statsKey, int status) {
    int statusClass = status >= 100 && status < 600 ? status / 100 - 1 : STATUS_CLASSES - 1;
    statuses[statsKey * STATUS_CLASSES + statusClass].increment();
  }

  /** Counts a failure of this kind. */
  public void recordFailure(int statsKey, FailureKind kind) {
    failures[statsKey * KINDS.length + kind.ordinal()].increment();
  }

  /** The counts so far, frozen. */
  public OutcomeCounts snapshot() {
    long[] statusCounts = new long[statuses.length];
    for (int i = 0; i < statuses.length; i++) {
      statusCounts[i] = statuses[i].sum();
    }
    long[] failureCounts = new long[failures.length];
    for (int i = 0; i < failures.length; i++) {
      failureCounts[i] = failures[i].sum();
    }
    return new OutcomeCounts(requestNames, statusCounts, failureCounts);
  }

  @Override
  public String toString() {
    return "OutcomeCounters[" + requestNames + " request names]";
  }
}
