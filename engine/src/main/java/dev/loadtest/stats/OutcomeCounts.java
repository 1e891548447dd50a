package dev.loadtest.stats;

/**
 * Cumulative status-class and failure-kind counts per request name since the load started, as
 * {@link OutcomeCounters} saw them at one moment. Immutable.
 */
public final class OutcomeCounts {

  /** No request names, no counts: for intervals built without counters. */
  public static final OutcomeCounts EMPTY = new OutcomeCounts(0, new long[0], new long[0]);

  private static final String[] STATUS_LABELS = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
  private static final int KINDS = FailureKind.values().length;

  private final int requestNames;
  private final long[] statuses;
  private final long[] failures;

  OutcomeCounts(int requestNames, long[] statuses, long[] failures) {
    this.requestNames = requestNames;
    this.statuses = statuses;
    this.failures = failures;
  }

  /** How many request names are counted; statsKeys below this have counts. */
  public int requestNames() {
    return requestNames;
  }

  /** Responses of one status class, {@code statusClass} in 0..{@link #statusClasses()}-1. */
  public long responses(int statsKey, int statusClass) {
    return statuses[statsKey * OutcomeCounters.STATUS_CLASSES + statusClass];
  }

  /** Failures of one kind. */
  public long failures(int statsKey, FailureKind kind) {
    return failures[statsKey * KINDS + kind.ordinal()];
  }

  /** How many status classes there are. */
  public static int statusClasses() {
    return OutcomeCounters.STATUS_CLASSES;
  }

  /** The label of a status class: 1xx .. 5xx, or other. */
  public static String statusLabel(int statusClass) {
    return STATUS_LABELS[statusClass];
  }

  @Override
  public String toString() {
    return "OutcomeCounts[" + requestNames + " request names]";
  }
}
