package dev.loadtest.plan;

import java.util.List;

/**
 * What a flow does with a response besides checking it: the values it extracts into the user's
 * variables and how it treats 429 Too Many Requests.
 *
 * @param extractions values taken out of a successful response, in order
 * @param rateLimit how a 429 counts and whether it is retried
 */
public record ResponseHandling(List<Extraction> extractions, RateLimitPolicy rateLimit) {

  /** Nothing extracted; a 429 is a failure and is not retried. */
  public static final ResponseHandling NONE =
      new ResponseHandling(List.of(), RateLimitPolicy.DEFAULT);

  public ResponseHandling {
    extractions = List.copyOf(extractions);
  }

  /** True when an extraction reads the body. */
  public boolean needsBody() {
    return extractions.stream().anyMatch(Extraction::needsBody);
  }
}
