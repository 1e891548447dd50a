package dev.loadtest.run;

import java.util.Map;

/**
 * The variables the run's setup extracted, which every user reads. Written once, before any
 * user starts, and read-only after; the volatile reference publishes the copy safely.
 */
final class RunVariables {

  private volatile Map<String, String> values = Map.of();

  /** Publishes setup's variables; called once, before the load starts. */
  void publish(Map<String, String> extracted) {
    values = Map.copyOf(extracted);
  }

  /** A value setup extracted, or null. */
  String get(String name) {
    return values.get(name);
  }

  /** Every value, for teardown. */
  Map<String, String> all() {
    return values;
  }

  @Override
  public String toString() {
    // Values may be tokens: names only.
    return "RunVariables" + values.keySet();
  }
}
