package dev.loadtest.report;

import dev.loadtest.stats.ThresholdEvaluator;
import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every report of a saved run into its directory: {@code summary.json},
 * {@code junit.xml}, the Locust CSV files, the charts and {@code report.html}. Each output is
 * written on its own, so that one failing (a full disk) does not stop the others. Stateless.
 */
public final class ReportSet {

  private ReportSet() {}

  /**
   * What writing produced.
   *
   * @param verdicts the thresholds judged on the saved run
   * @param passed true when the run completed and every threshold passed
   * @param written the files written
   * @param problems one line per output that could not be written
   */
  public record Outcome(List<ThresholdResult> verdicts, boolean passed, List<Path> written,
      List<String> problems) {}

  /** Judges the saved run's thresholds again. */
  public static List<ThresholdResult> verdicts(SavedRun run) {
    return ThresholdEvaluator.evaluate(run.thresholds(), run.stats(),
        MonitorResults.readings(run.monitors()));
  }

  /** A run an abort threshold stopped never passes, nor a merge that misses a worker. */
  public static boolean passed(SavedRun run, List<ThresholdResult> verdicts) {
    return run.metadata().abortReason().isEmpty() && !run.metadata().segments().incomplete()
        && verdicts.stream().allMatch(ThresholdResult::passed);
  }

  /**
   * Writes every report.
   *
   * @param verdicts the thresholds' verdicts, as the run or {@link #verdicts} judged them
   * @param exitCode the exit code the verdict gives, recorded in {@code summary.json}
   */
  public static Outcome write(Path directory, String csvPrefix, SavedRun run,
      List<ThresholdResult> verdicts, int exitCode) {
    boolean passed = passed(run, verdicts);
    List<Path> written = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    attempt(problems, ResultFiles.SUMMARY, () -> written.add(SummaryJson.write(directory, run,
        verdicts, passed, exitCode)));
    attempt(problems, ResultFiles.JUNIT, () -> written.add(JunitXml.write(directory, run,
        verdicts)));
    attempt(problems, "CSV files", () -> written.addAll(LocustCsv.write(directory, csvPrefix,
        run)));
    attempt(problems, ResultFiles.HTML, () -> {
      List<Charts.Chart> charts = Charts.all(run);
      written.addAll(writeCharts(directory, charts));
      written.add(HtmlReport.write(directory, run, verdicts, passed, charts, csvPrefix));
    });
    return new Outcome(verdicts, passed, written, problems);
  }

  private static List<Path> writeCharts(Path directory, List<Charts.Chart> charts)
      throws IOException {
    Path folder = Files.createDirectories(directory.resolve(ResultFiles.CHARTS));
    List<Path> written = new ArrayList<>();
    for (Charts.Chart chart : charts) {
      written.add(AtomicFiles.writeBytes(folder.resolve(chart.fileName()), chart.png()));
    }
    return written;
  }

  private static void attempt(List<String> problems, String what, Output output) {
    try {
      output.write();
    } catch (IOException | RuntimeException e) {
      problems.add("cannot write " + what + ": " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Output {
    void write() throws IOException;
  }
}
