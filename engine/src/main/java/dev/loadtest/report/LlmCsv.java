package dev.loadtest.report;

import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import dev.loadtest.stats.StatsSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PREFIX_llm_stats.csv}: one row per request name with LLM answers and an aggregated
 * row, in the Locust files' CSV dialect. Times in milliseconds, cost in US dollars. Stateless.
 */
final class LlmCsv {

  static final List<String> HEADER = List.of("Name", "Answers", "Token Source",
      "Input Tokens", "Output Tokens", "Cached Tokens", "TTFT p50", "TTFT p90", "TTFT p95",
      "TTFT p99", "ITL p50", "ITL p90", "ITL p95", "ITL p99", "TPOT p50", "TPOT p90",
      "TPOT p99", "Tokens/s p50", "Tokens/s p10", "Cost (USD)", "Cost per Answer (USD)",
      "Cache Hit Ratio", "Good Answers");

  private LlmCsv() {}

  static String render(StatsSnapshot stats) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    stats.llm().requests().forEach(summary -> rows.add(row(summary)));
    rows.add(row(stats.llm().total()));
    return LocustCsv.render(HEADER, rows);
  }

  private static List<String> row(LlmSummary summary) {
    LlmTotals totals = summary.totals();
    List<String> row = new ArrayList<>(List.of(summary.name(), Long.toString(totals.requests()),
        totals.tokenSource(), Long.toString(totals.inputTokens()),
        Long.toString(totals.outputTokens()), totals.cachedTokensReported() == 0 ? ""
            : Long.toString(totals.cachedTokens())));
    for (double p : new double[] {50, 90, 95, 99}) {
      row.add(millis(LlmSummary.millis(summary.ttft(), p)));
    }
    for (double p : new double[] {50, 90, 95, 99}) {
      row.add(millis(LlmSummary.millis(summary.interToken(), p)));
    }
    for (double p : new double[] {50, 90, 99}) {
      row.add(millis(LlmSummary.millis(summary.timePerOutputToken(), p)));
    }
    row.add(decimal(summary.tokensPerSecond(50)));
    row.add(decimal(summary.tokensPerSecond(10)));
    row.add(String.format(Locale.ROOT, "%.6f", totals.costUsd()));
    row.add(String.format(Locale.ROOT, "%.8f", totals.costPerRequestUsd()));
    row.add(Double.isNaN(totals.cacheHitRatio()) ? "" : decimal(totals.cacheHitRatio()));
    row.add(Long.toString(totals.good()));
    return row;
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "" : decimal(value);
  }

  private static String decimal(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
  }
}
