package dev.loadtest.plan;

import java.util.List;

/**
 * What a flow does with a response besides checking it: the values it extracts into the user's
 * variables, the values it records into custom metrics, and how it treats 429 Too Many Requests.
 *
 * @param extractions values taken out of a successful response, in order
 * @param rateLimit how a 429 counts and whether it is retried
 * @param metrics values of a successful response recorded into custom metrics
 */
public record ResponseHandling(List<Extraction> extractions, RateLimitPolicy rateLimit,
    List<MetricRecording> metrics) {

  /** Nothing extracted or recorded; a 429 is a failure and is not retried. */
  public static final ResponseHandling NONE =
      new ResponseHandling(List.of(), RateLimitPolicy.DEFAULT);

  public ResponseHandling {
    extractions = List.copyOf(extractions);
    metrics = List.copyOf(metrics);
  }

  /** Extractions and a 429 policy, without custom metrics. */
  public ResponseHandling(List<Extraction> extractions, RateLimitPolicy rateLimit) {
    this(extractions, rateLimit, List.of());
  }

  /** True when an extraction or a recorded value reads the body. */
  public boolean needsBody() {
    // Asked on every send: plain loops, no stream allocated.
    for (Extraction extraction : extractions) {
      if (extraction.needsBody()) {
        return true;
      }
    }
    for (MetricRecording recording : metrics) {
      if (recording.value().needsBody()) {
        return true;
      }
    }
    return false;
  }

  /** True when an extraction or a recorded value may read a header. */
  public boolean needsHeaders() {
    if (!extractions.isEmpty()) {
      return true;
    }
    for (MetricRecording recording : metrics) {
      if (recording.value().needsHeaders()) {
        return true;
      }
    }
    return false;
  }
}
