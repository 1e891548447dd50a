package dev.loadtest.plan;

import java.time.Duration;
import java.util.Locale;

/**
 * How the mock's OpenAI-compatible {@code /v1/chat/completions} answers: when the first token
 * comes, how fast the rest follow, how long answers are, and how often the answer cache hits.
 * Errors, 429s and stalls follow the mock's general settings.
 *
 * @param ttft time from the request to the first content chunk
 * @param tokensPerSecond pace of the content chunks after the first, one token per chunk
 * @param minOutputTokens shortest answer in tokens (a request's max_tokens lowers it)
 * @param maxOutputTokens longest answer in tokens, drawn uniformly from min..max
 * @param cacheHitRate share of answers marked {@code X-Cache: HIT}, 0..1
 * @param model the model name answers carry
 */
public record LlmMockSettings(LatencyDistribution ttft, double tokensPerSecond,
    int minOutputTokens, int maxOutputTokens, double cacheHitRate, String model) {

  /** A quick, plausible chat model: 200 ms to the first token, then 100 tokens/s. */
  public static final LlmMockSettings DEFAULT = new LlmMockSettings(
      new LatencyDistribution.Fixed(Duration.ofMillis(200)), 100, 50, 150, 0, "mock-gpt");

  public LlmMockSettings {
    if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
      throw new IllegalArgumentException("tokensPerSecond must be above 0, got "
          + tokensPerSecond);
    }
    if (minOutputTokens < 1 || maxOutputTokens < minOutputTokens) {
      throw new IllegalArgumentException("output tokens need 1 <= min <= max, got "
          + minOutputTokens + ".." + maxOutputTokens);
    }
    if (!(cacheHitRate >= 0 && cacheHitRate <= 1)) {
      throw new IllegalArgumentException("cacheHitRate must be between 0 and 1, got "
          + cacheHitRate);
    }
  }

  /** The gap between two content chunks, in nanoseconds. */
  public long interTokenNanos() {
    return Math.round(1e9 / tokensPerSecond);
  }

  public String describe() {
    String length = minOutputTokens == maxOutputTokens ? Integer.toString(minOutputTokens)
        : minOutputTokens + ".." + maxOutputTokens;
    return String.format(Locale.ROOT, "chat TTFT %s, %s tokens/s, %s tokens, cache hits %s%%",
        ttft.describe(), tokensPerSecond, length, cacheHitRate * 100);
  }
}
