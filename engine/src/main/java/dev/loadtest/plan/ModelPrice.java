package dev.loadtest.plan;

import java.util.Locale;

/**
 * What a model costs, as written in the spec: US dollars per million tokens. Costs are computed
 * in picodollars (1e-12 USD) so that prices with up to six decimals per million tokens add up
 * exactly, whatever the number of requests.
 *
 * @param inputPerMillion USD per million prompt tokens that were not served from a cache
 * @param outputPerMillion USD per million generated tokens
 * @param cachedInputPerMillion USD per million prompt tokens served from the provider's cache
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion,
    double cachedInputPerMillion) {

  /** Picodollars per dollar divided by tokens per million: the per-token scale. */
  private static final double PICO_PER_TOKEN_PER_USD_PER_MILLION = 1e6;

  /** A price of zero: tokens are counted, no cost is reported. */
  public static final ModelPrice FREE = new ModelPrice(0, 0, 0);

  public ModelPrice {
    if (!(inputPerMillion >= 0 && outputPerMillion >= 0 && cachedInputPerMillion >= 0)) {
      throw new IllegalArgumentException("prices must be zero or more");
    }
  }

  /**
   * The cost of one request in picodollars.
   *
   * @param inputTokens all prompt tokens, cached ones included
   * @param cachedTokens prompt tokens the provider served from its cache, 0..inputTokens
   * @param outputTokens generated tokens
   */
  public long costPicoUsd(long inputTokens, long cachedTokens, long outputTokens) {
    long cached = Math.min(Math.max(0, cachedTokens), Math.max(0, inputTokens));
    return (inputTokens - cached) * picoPerToken(inputPerMillion)
        + cached * picoPerToken(cachedInputPerMillion)
        + outputTokens * picoPerToken(outputPerMillion);
  }

  private static long picoPerToken(double usdPerMillion) {
    return Math.round(usdPerMillion * PICO_PER_TOKEN_PER_USD_PER_MILLION);
  }

  public String describe() {
    return String.format(Locale.ROOT, "$%s in, $%s out, $%s cached in per 1M tokens",
        plain(inputPerMillion), plain(outputPerMillion), plain(cachedInputPerMillion));
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
