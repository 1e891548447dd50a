package dev.loadtest.report;

import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import dev.loadtest.stats.StatsSnapshot;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code llm} object of {@code summary.json} and the LLM scores: documented in
 * {@code docs/summary-json.md}. Times in milliseconds with three decimals, cost in US dollars.
 * Stateless.
 */
final class LlmSummaryJson {

  private LlmSummaryJson() {}

  static void add(ObjectNode root, ObjectNode scores, StatsSnapshot stats) {
    LlmTotals totals = stats.llm().total().totals();
    scores.put("cacheHitRatio", Double.isNaN(totals.cacheHitRatio()) ? null
        : round(totals.cacheHitRatio(), 6));
    scores.put("goodputPerSecond", round(LlmFigures.goodput(stats), 3));
    ObjectNode llm = root.putObject("llm");
    summary(llm.putObject("totals"), stats.llm().total());
    ArrayNode endpoints = llm.putArray("endpoints");
    stats.llm().requests().forEach(summary -> summary(endpoints.addObject(), summary));
  }

  private static void summary(ObjectNode node, LlmSummary summary) {
    LlmTotals totals = summary.totals();
    node.put("name", summary.name());
    node.put("answers", totals.requests());
    node.put("tokenSource", totals.tokenSource());
    node.put("inputTokens", totals.inputTokens());
    node.put("outputTokens", totals.outputTokens());
    if (totals.cachedTokensReported() > 0) {
      node.put("cachedTokens", totals.cachedTokens());
    }
    node.put("costUsd", round(totals.costUsd(), 6));
    node.put("costPerRequestUsd", round(totals.costPerRequestUsd(), 8));
    node.put("cacheHits", totals.cacheHits());
    node.put("cacheChecked", totals.cacheChecked());
    node.put("good", totals.good());
    times(node.putObject("ttftMs"), summary.ttft());
    times(node.putObject("itlMs"), summary.interToken());
    times(node.putObject("tpotMs"), summary.timePerOutputToken());
    ObjectNode rate = node.putObject("tokensPerSecond");
    for (double percentile : new double[] {50, 90, 99}) {
      rate.put(label(percentile), nullable(summary.tokensPerSecond(percentile), 3));
    }
    Histogram rates = summary.milliTokensPerSecond();
    rate.put("mean", rates.getTotalCount() == 0 ? null : round(rates.getMean() / 1e3, 3));
  }

  private static void times(ObjectNode node, Histogram nanos) {
    node.put("count", nanos.getTotalCount());
    node.put("mean", nullable(LlmSummary.meanMillis(nanos), 3));
    for (double percentile : new double[] {50, 90, 95, 99}) {
      node.put(label(percentile), nullable(LlmSummary.millis(nanos, percentile), 3));
    }
    node.put("max", nullable(LlmSummary.millis(nanos, 100), 3));
  }

  private static String label(double percentile) {
    return "p" + (int) percentile;
  }

  private static Double nullable(double value, int decimals) {
    return Double.isNaN(value) ? null : round(value, decimals);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
