package dev.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables for terminals and logs: columns sized to their content. */
final class Tables {

  private Tables() {}

  /** Formats milliseconds compactly: {@code 0.84 ms}, {@code 41.2 ms}, {@code 2.31 s}. */
  static String millis(double millis) {
    if (millis >= 10_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
  }

  /**
   * Renders rows under a header; the first column is left-aligned, the others right-aligned.
   * A separator line follows the header and precedes the last row when {@code totalRow}.
   */
  static String render(List<String> header, List<List<String>> rows, boolean totalRow) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, header, widths);
    separator(text, widths);
    for (int i = 0; i < rows.size(); i++) {
      if (totalRow && i == rows.size() - 1) {
        separator(text, widths);
      }
      line(text, rows.get(i), widths);
    }
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      text.append(i == 0 ? cell + padding : padding + cell);
      text.append(i == cells.size() - 1 ? "\n" : "  ");
    }
  }

  private static void separator(StringBuilder text, int[] widths) {
    int total = 0;
    for (int width : widths) {
      total += width + 2;
    }
    text.append("-".repeat(Math.max(0, total - 2))).append('\n');
  }
}
