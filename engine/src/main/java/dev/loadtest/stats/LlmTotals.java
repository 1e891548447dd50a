package dev.loadtest.stats;

/**
 * Counts of LLM answers, added up over an interval or a run. Immutable.
 *
 * @param requests answers measured (successful, well-formed LLM answers)
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 * @param cachedTokens prompt tokens served from the provider's cache, where reported
 * @param cachedTokensReported answers that reported {@code cached_tokens}
 * @param fromUsage answers whose token counts came from the server's {@code usage}
 * @param fromChunks answers whose output tokens were counted as content chunks
 * @param costPicoUsd estimated cost, picodollars (1e-12 USD)
 * @param cacheHits answers the cache rule marked as hits
 * @param cacheChecked answers the cache rule looked at
 * @param good answers that met every goodput objective
 */
public record LlmTotals(long requests, long inputTokens, long outputTokens, long cachedTokens,
    long cachedTokensReported, long fromUsage, long fromChunks, long costPicoUsd,
    long cacheHits, long cacheChecked, long good) {

  public static final LlmTotals ZERO = new LlmTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The sum of two counts. */
  public LlmTotals plus(LlmTotals other) {
    return new LlmTotals(requests + other.requests, inputTokens + other.inputTokens,
        outputTokens + other.outputTokens, cachedTokens + other.cachedTokens,
        cachedTokensReported + other.cachedTokensReported, fromUsage + other.fromUsage,
        fromChunks + other.fromChunks, costPicoUsd + other.costPicoUsd,
        cacheHits + other.cacheHits, cacheChecked + other.cacheChecked, good + other.good);
  }

  /** Estimated cost in US dollars. */
  public double costUsd() {
    return costPicoUsd / 1e12;
  }

  /** Mean cost of an answer in US dollars; 0 without answers. */
  public double costPerRequestUsd() {
    return requests == 0 ? 0 : costUsd() / requests;
  }

  /** Hits among the answers the cache rule looked at, 0..1; NaN when it looked at none. */
  public double cacheHitRatio() {
    return cacheChecked == 0 ? Double.NaN : (double) cacheHits / cacheChecked;
  }

  /** Where the token counts came from: {@code usage}, {@code chunks}, or {@code mixed}. */
  public String tokenSource() {
    if (requests == 0) {
      return "none";
    }
    return fromChunks == 0 ? "usage" : fromUsage == 0 ? "chunks" : "mixed";
  }
}
