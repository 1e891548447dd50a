package dev.loadtest.report;

import dev.loadtest.plan.CustomSeries;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The custom metrics as a table, one row per series, for the console and the HTML report.
 * Counters show their sum and rate; histograms their distribution. Stateless.
 */
final class CustomMetricTable {

  static final List<String> HEADER = List.of("Custom metric", "Type", "Count", "Sum", "Rate/s",
      "Avg", "p50", "p95", "Max", "Missing", "Unit");
  private static final String NONE = "-";

  private CustomMetricTable() {}

  static List<List<String>> rows(StatsSnapshot stats) {
    List<List<String>> rows = new ArrayList<>();
    double seconds = stats.elapsed().toNanos() / 1e9;
    for (CustomSeriesValues values : stats.custom().series()) {
      CustomSeries series = values.series();
      boolean histogram = series.metric().isHistogram();
      rows.add(List.of(series.describe(), series.metric().kind().label(),
          String.format(Locale.ROOT, "%,d", values.count()), number(values.sum()),
          histogram || seconds <= 0 ? NONE : number(values.sum() / seconds),
          histogram ? number(values.mean()) : NONE,
          histogram ? number(values.percentile(50)) : NONE,
          histogram ? number(values.percentile(95)) : NONE,
          histogram ? number(values.max()) : NONE,
          String.format(Locale.ROOT, "%,d", values.missing()),
          series.metric().unit().isEmpty() ? NONE : series.metric().unit()));
    }
    return rows;
  }

  /** Two decimals, none for whole numbers; a dash when there is no value. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return NONE;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.2f", value);
  }
}
