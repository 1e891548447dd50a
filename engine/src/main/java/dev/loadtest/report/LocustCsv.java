package dev.loadtest.report;

import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files of Locust 2.x ({@code --csv PREFIX}) with their headers, column meanings,
 * units (milliseconds) and row order, so that tools built for Locust read ours unchanged.
 * Stateless.
 *
 * <p>Where Locust measures something loadtest does not, the column holds what Locust writes
 * when it has nothing: content sizes are 0, exceptions (errors in Locust's own user code, which
 * loadtest cannot have) have a header and no rows.
 */
public final class LocustCsv {

  static final String STATS = "_stats.csv";
  static final String HISTORY = "_stats_history.csv";
  static final String FAILURES = "_failures.csv";
  static final String EXCEPTIONS = "_exceptions.csv";
  /** LLM columns (TTFT, ITL, tokens/s, cost) go here, never into Locust's files. */
  static final String LLM_STATS = "_llm_stats.csv";

  /** Locust's {@code PERCENTILES_TO_REPORT}, as fractions. */
  static final List<Double> PERCENTILES =
      List.of(0.50, 0.66, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0);
  static final List<String> PERCENTILE_COLUMNS = List.of("50%", "66%", "75%", "80%", "90%",
      "95%", "98%", "99%", "99.9%", "99.99%", "100%");

  static final List<String> STATS_HEADER = concat(List.of("Type", "Name", "Request Count",
      "Failure Count", "Median Response Time", "Average Response Time", "Min Response Time",
      "Max Response Time", "Average Content Size", "Requests/s", "Failures/s"),
      PERCENTILE_COLUMNS);
  static final List<String> HISTORY_HEADER = concat(concat(List.of("Timestamp", "User Count",
      "Type", "Name", "Requests/s", "Failures/s"), PERCENTILE_COLUMNS), List.of(
      "Total Request Count", "Total Failure Count", "Total Median Response Time",
      "Total Average Response Time", "Total Min Response Time", "Total Max Response Time",
      "Total Average Content Size"));
  static final List<String> FAILURES_HEADER = List.of("Method", "Name", "Error", "Occurrences");
  static final List<String> EXCEPTIONS_HEADER = List.of("Count", "Message", "Traceback",
      "Nodes");

  // Python's csv module: minimal quoting, CRLF line ends.
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setRecordSeparator("\r\n").get();

  private LocustCsv() {}

  /** Writes the four Locust files as {@code directory/prefix_*.csv}; returns their paths. */
  public static List<Path> write(Path directory, String prefix, SavedRun run)
      throws IOException {
    List<Path> written = new ArrayList<>();
    written.add(AtomicFiles.writeString(directory.resolve(prefix + STATS), stats(run)));
    written.add(AtomicFiles.writeString(directory.resolve(prefix + HISTORY), history(run)));
    written.add(AtomicFiles.writeString(directory.resolve(prefix + FAILURES), failures(run)));
    written.add(AtomicFiles.writeString(directory.resolve(prefix + EXCEPTIONS),
        render(EXCEPTIONS_HEADER, List.of())));
    if (run.stats().llm().present()) {
      written.add(AtomicFiles.writeString(directory.resolve(prefix + LLM_STATS),
          LlmCsv.render(run.stats())));
    }
    return written;
  }

  /** Locust sorts entries by name, then method, and ends with the aggregated row. */
  static String stats(SavedRun run) throws IOException {
    StatsSnapshot stats = run.stats();
    List<List<String>> rows = new ArrayList<>();
    stats.requests().stream()
        .sorted(Comparator.comparing(RequestSummary::name).thenComparing(r -> run.method(
            r.name())))
        .forEach(request -> rows.add(statsRow(run.method(request.name()), request, stats)));
    rows.add(statsRow("", stats.total(), stats));
    return render(STATS_HEADER, rows);
  }

  private static List<String> statsRow(String method, RequestSummary request,
      StatsSnapshot stats) {
    double seconds = stats.elapsed().toNanos() / 1e9;
    List<String> row = new ArrayList<>(List.of(method, request.name(),
        Long.toString(request.requests()), Long.toString(request.failures()),
        Long.toString(Math.round(request.percentileMillis(50))), decimal(request.meanMillis()),
        decimal(request.minMillis()), decimal(request.maxMillis()), "0.0",
        decimal(perSecond(request.requests(), seconds)),
        decimal(perSecond(request.failures(), seconds))));
    row.addAll(percentiles(request));
    return row;
  }

  private static List<String> percentiles(RequestSummary request) {
    if (request.requests() == 0) {
      return PERCENTILES.stream().map(p -> "N/A").toList();
    }
    return PERCENTILES.stream()
        .map(p -> Long.toString(Math.round(request.percentileMillis(p * 100)))).toList();
  }

  /** One aggregated row per interval, as Locust writes without {@code --csv-full-history}. */
  static String history(SavedRun run) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (HistoryRow point : run.series().history()) {
      List<String> row = new ArrayList<>(List.of(Long.toString(point.epochSeconds()),
          Integer.toString(point.users()), "", "Aggregated",
          decimal(point.requestsPerSecond()), decimal(point.failuresPerSecond())));
      point.percentileMillis().forEach(millis -> row.add(point.requests() == 0 ? "N/A"
          : Long.toString(Math.round(millis))));
      row.addAll(List.of(Long.toString(point.requests()), Long.toString(point.failures()),
          Long.toString(Math.round(point.percentileMillis().get(0))),
          decimal(point.meanMillis()), decimal(point.minMillis()), decimal(point.maxMillis()),
          "0.0"));
      rows.add(row);
    }
    return render(HISTORY_HEADER, rows);
  }

  /** Locust's error text is free-form; ours starts with the failure kind. */
  static String failures(SavedRun run) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (FailureCount failure : run.stats().failures()) {
      rows.add(List.of(run.method(failure.request()), failure.request(),
          failure.kind().label() + ": " + failure.message(), Long.toString(failure.count())));
    }
    return render(FAILURES_HEADER, rows);
  }

  static String render(List<String> header, List<List<String>> rows) throws IOException {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    // Commons CSV quotes an empty first cell; Python's csv module, like Locust, does not.
    return text.toString().replace("\r\n\"\",", "\r\n,");
  }

  private static double perSecond(long count, double seconds) {
    return seconds <= 0 ? 0 : count / seconds;
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
