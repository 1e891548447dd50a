package dev.loadtest.report;

import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The LLM table and business figures of the end-of-run text. Stateless. */
final class LlmConsole {

  private LlmConsole() {}

  static String render(StatsSnapshot stats) {
    List<String> header = new ArrayList<>(List.of("LLM answers", "Answers"));
    header.addAll(LlmFigures.COLUMNS);
    List<List<String>> rows = new ArrayList<>();
    for (LlmSummary summary : stats.llm().requests()) {
      rows.add(row(summary));
    }
    rows.add(row(stats.llm().total()));
    StringBuilder text = new StringBuilder("\n").append(Tables.render(header, rows, true));
    for (Map<String, String> business : LlmFigures.businessRows(stats)) {
      text.append(business.get("label")).append(": ").append(business.get("value"))
          .append(" (").append(business.get("explanation")).append(")\n");
    }
    return text.toString();
  }

  private static List<String> row(LlmSummary summary) {
    List<String> row = new ArrayList<>(List.of(summary.name(),
        Long.toString(summary.totals().requests())));
    row.addAll(LlmFigures.cells(summary));
    return row;
  }
}
