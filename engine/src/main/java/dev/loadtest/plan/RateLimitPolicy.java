package dev.loadtest.plan;

import java.time.Duration;

/**
 * What a 429 Too Many Requests means for a request. Every 429 is counted under the failure kind
 * {@code rateLimited}; this policy says whether it also fails the request, and whether the
 * request is sent again after the wait the server asks for in {@code Retry-After}.
 *
 * @param countAsSuccess a final 429 counts as a success (as the original framework did), still
 *     listed under {@code rateLimited}, but not in the error rate
 * @param retries how many times a 429 is sent again; 0 for never
 * @param maxWait cap on each wait before a retry, whatever {@code Retry-After} says
 */
public record RateLimitPolicy(boolean countAsSuccess, int retries, Duration maxWait) {

  /** Without a Retry-After header a retry waits this long, within {@code maxWait}. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

  /** 429 fails the request and is not retried. */
  public static final RateLimitPolicy DEFAULT =
      new RateLimitPolicy(false, 0, Duration.ofSeconds(30));

  public RateLimitPolicy {
    if (retries < 0 || maxWait.isNegative()) {
      throw new IllegalArgumentException("retries and maxWait must not be negative");
    }
  }

  public String describe() {
    return "429 counts as " + (countAsSuccess ? "success" : "failure") + (retries == 0 ? ""
        : ", retried up to " + retries + "x, waits capped at "
            + dev.loadtest.spec.Quantities.formatDuration(maxWait));
  }
}
