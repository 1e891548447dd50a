package dev.loadtest.stats;

import dev.loadtest.plan.Threshold;

/** A threshold's verdict: what was observed and whether it passed. */
public record ThresholdResult(Threshold threshold, double observed, boolean passed) {

  /** One line, e.g. {@code PASS latency.p95 < 2s (observed 812.40 ms)}. */
  public String describe() {
    return (passed ? "PASS " : "FAIL ") + threshold.name() + " (observed "
        + threshold.formatObserved(observed) + ")";
  }
}
