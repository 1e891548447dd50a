package dev.loadtest.stats;

/**
 * What one LLM answer measured, handed to {@link RunStats#recordLlm} once it is complete.
 * Gaps between tokens are recorded as they arrive, not here.
 *
 * @param ttftNanos time to the first chunk with content, from the request's origin
 * @param tpotNanos time per output token after the first, or -1 with fewer than two tokens
 * @param latencyNanos end-to-end latency, from the request's origin to the last byte
 * @param inputTokens prompt tokens from the server's usage, 0 when not reported
 * @param outputTokens generated tokens: the server's usage, else the content chunk count
 * @param cachedTokens prompt tokens the provider's cache served, or -1 when not reported
 * @param tokensFromUsage true when the counts come from the server's {@code usage}
 * @param costPicoUsd estimated cost in picodollars (1e-12 USD)
 * @param cacheHit 1 for a hit, 0 for a miss, -1 when no cache rule applies
 * @param meetsObjectives true when every goodput objective was met
 */
public record LlmMeasurement(long ttftNanos, long tpotNanos, long latencyNanos,
    long inputTokens, long outputTokens, long cachedTokens, boolean tokensFromUsage,
    long costPicoUsd, int cacheHit, boolean meetsObjectives) {

  /** Output tokens per second of end-to-end latency, in thousandths (milli-tokens/s). */
  public long milliTokensPerSecond() {
    return latencyNanos <= 0 ? 0 : Math.round(outputTokens * 1e12 / latencyNanos);
  }
}
