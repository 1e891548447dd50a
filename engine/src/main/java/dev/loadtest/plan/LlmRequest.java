package dev.loadtest.plan;

import java.util.Map;

/**
 * How the engine reads a request's answer as an LLM answer: streamed or not, which model it is
 * billed as, and what marks a cache hit. {@link #NONE} for ordinary requests, which then cost
 * nothing extra.
 *
 * @param stream how the body streams, or {@link StreamFormat#NONE} for one JSON document
 * @param model the model the request is billed as; empty: the model the response names
 * @param prices price per model name, for models only known from the response
 * @param cacheRule what marks a cache hit
 * @param scores objectives that decide whether the request counts toward goodput
 */
public record LlmRequest(StreamFormat stream, String model, Map<String, ModelPrice> prices,
    CacheRule cacheRule, ScoreSettings scores) {

  /** How a response body streams. */
  public enum StreamFormat {
    /** One JSON document, read once complete (usage and content of a non-streamed answer). */
    NONE,
    /** {@code text/event-stream}: {@code data:} lines, events ended by a blank line. */
    SSE,
    /** One JSON document per line. */
    NDJSON
  }

  /** An ordinary request: no LLM measurement at all. */
  public static final LlmRequest NONE = new LlmRequest(StreamFormat.NONE, "", Map.of(),
      new CacheRule.None(), ScoreSettings.DEFAULT);

  public LlmRequest {
    prices = Map.copyOf(prices);
  }

  /** True when the answer is measured as an LLM answer. */
  public boolean measured() {
    return this != NONE;
  }

  /**
   * The price of a model: an exact name first, then the longest configured name the given one
   * starts with (providers answer {@code gpt-4o-mini-2024-07-18} for {@code gpt-4o-mini}).
   */
  public ModelPrice priceOf(String modelName) {
    ModelPrice exact = prices.get(modelName);
    if (exact != null) {
      return exact;
    }
    String best = "";
    for (String name : prices.keySet()) {
      if (modelName.startsWith(name) && name.length() > best.length()) {
        best = name;
      }
    }
    return best.isEmpty() ? ModelPrice.FREE : prices.get(best);
  }

  public String describe() {
    return (stream == StreamFormat.NONE ? "LLM answer" : stream.name().toLowerCase(
        java.util.Locale.ROOT) + " stream") + (model.isEmpty() ? "" : ", model " + model)
        + (cacheRule instanceof CacheRule.None ? "" : ", cache hit on " + cacheRule.describe());
  }
}
