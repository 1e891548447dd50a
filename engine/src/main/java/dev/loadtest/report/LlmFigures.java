package dev.loadtest.report;

import dev.loadtest.stats.LlmSnapshot;
import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import dev.loadtest.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM figures every report shows, computed and formatted in one place so that the console,
 * the HTML page, the CSV file and {@code summary.json} agree. Stateless.
 */
final class LlmFigures {

  /** Columns the HTML and console tables add when the run had LLM answers. */
  static final List<String> COLUMNS = List.of("TTFT p50", "TTFT p95", "ITL p95", "TPOT p50",
      "tokens/s p50", "output tokens", "cost");

  private LlmFigures() {}

  /** The LLM cells of one row; dashes for a name without LLM answers. */
  static List<String> cells(LlmSummary llm) {
    if (!llm.hasAnswers()) {
      return COLUMNS.stream().map(column -> "-").toList();
    }
    return List.of(millis(LlmSummary.millis(llm.ttft(), 50)),
        millis(LlmSummary.millis(llm.ttft(), 95)),
        millis(LlmSummary.millis(llm.interToken(), 95)),
        millis(LlmSummary.millis(llm.timePerOutputToken(), 50)),
        number(llm.tokensPerSecond(50), 1),
        String.format(Locale.ROOT, "%,d (%s)", llm.totals().outputTokens(),
            llm.totals().tokenSource()),
        dollars(llm.totals().costUsd()));
  }

  /** Business rows: cost per request, total cost, cache efficiency, goodput. */
  static List<Map<String, String>> businessRows(StatsSnapshot stats) {
    LlmSnapshot llm = stats.llm();
    LlmTotals totals = llm.total().totals();
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(row("Cost per request", String.format(Locale.ROOT, "$%.6f",
        totals.costPerRequestUsd()),
        "mean estimated cost of an LLM answer, from the spec's prices"));
    rows.add(row("Total cost", dollars(totals.costUsd()), String.format(Locale.ROOT,
        "%,d input and %,d output tokens (counted from %s)", totals.inputTokens(),
        totals.outputTokens(), totals.tokenSource())));
    rows.add(row("Cache efficiency", Double.isNaN(totals.cacheHitRatio()) ? "-"
        : percent(totals.cacheHitRatio()), totals.cacheChecked() == 0
        ? "no cache rule in the spec (llm.cacheHit)"
        : String.format(Locale.ROOT, "%,d of %,d answers were cache hits", totals.cacheHits(),
            totals.cacheChecked())));
    if (totals.cachedTokensReported() > 0) {
      rows.add(row("Cached prompt tokens", String.format(Locale.ROOT, "%,d",
          totals.cachedTokens()), "usage.prompt_tokens_details.cached_tokens, summed"));
    }
    rows.add(row("Goodput", number(goodput(stats), 2) + " req/s",
        "LLM answers per second that met every objective (" + llm.scores().describe() + ")"));
    return rows;
  }

  /** Good LLM answers per second over the run; 0 without any. */
  static double goodput(StatsSnapshot stats) {
    double seconds = stats.elapsed().toNanos() / 1e9;
    return seconds <= 0 ? 0 : stats.llm().total().totals().good() / seconds;
  }

  private static Map<String, String> row(String label, String value, String explanation) {
    return Map.of("label", label, "value", value, "explanation", explanation);
  }

  static String millis(double value) {
    return Double.isNaN(value) ? "-" : Tables.millis(value);
  }

  static String number(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  static String dollars(double usd) {
    return String.format(Locale.ROOT, "$%.4f", usd);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
