package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.stats.RequestSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-hour run with 50 request names (3,600 one-second intervals, synthesised, no load)
 * renders into a report under 5 MB, and what the reader keeps is sized by intervals and names,
 * never by requests. How long rendering takes is a benchmark's question, not this test's:
 * {@code bench/report.sh} and docs/performance.md.
 */
class LargeRunReportTest {

  @TempDir
  Path directory;

  @Test
  void oneHourWithFiftyNamesStaysUnderFiveMegabytes() throws Exception {
    // One request in 500 takes seconds, so the charts and the tail have something to show.
    SyntheticRun.write(directory, new SyntheticRun.Shape(3600, SyntheticRun.names(50), 20,
        0.002, 9));

    SavedRun run = SavedRunReader.read(directory);
    ReportSet.Outcome outcome = ReportSet.write(directory, "hour", run,
        ReportSet.verdicts(run), 1);

    assertThat(outcome.problems()).isEmpty();
    assertThat(run.stats().timeline()).hasSize(3600);
    assertThat(run.stats().total().maxMillis()).isGreaterThan(1000);
    assertThat(Files.size(directory.resolve(ResultFiles.HTML))).isLessThan(5L * 1024 * 1024);
    assertThat(Files.lines(directory.resolve("hour_stats.csv")).count()).isEqualTo(52);
    assertThat(Files.lines(directory.resolve("hour_stats_history.csv")).count())
        .isEqualTo(3601);
  }

  @Test
  void tenTimesTheRequestsKeepTheSameStructures(@TempDir Path busier) throws Exception {
    SyntheticRun.write(directory, new SyntheticRun.Shape(120, SyntheticRun.names(5), 20,
        0.002, 4));
    SyntheticRun.write(busier, new SyntheticRun.Shape(120, SyntheticRun.names(5), 200,
        0.002, 4));

    SavedRun run = SavedRunReader.read(directory);
    SavedRun tenfold = SavedRunReader.read(busier);

    assertThat(tenfold.stats().total().requests())
        .isGreaterThan(9 * run.stats().total().requests());
    assertThat(structure(tenfold)).as("what the reader keeps of %s and %s", tenfold.series(),
        run.series()).isEqualTo(structure(run));
  }

  /**
   * The sizes of everything a saved run holds that could grow: timeline, series, history,
   * and the bytes of every histogram. Values differ between runs; sizes must not.
   */
  private static List<Long> structure(SavedRun run) {
    List<Long> sizes = new ArrayList<>();
    sizes.add((long) run.stats().timeline().size());
    sizes.add((long) run.series().intervalCount());
    sizes.add((long) run.series().history().size());
    for (int i = 0; i < run.series().names().size(); i++) {
      sizes.add((long) run.series().requests(i).length);
      sizes.add((long) run.series().p95Millis(i).length);
    }
    List<RequestSummary> summaries = new ArrayList<>(run.stats().requests());
    summaries.add(run.stats().total());
    for (RequestSummary summary : summaries) {
      sizes.add((long) summary.latencies().getEstimatedFootprintInBytes());
      sizes.add((long) summary.serviceLatencies().getEstimatedFootprintInBytes());
    }
    return sizes;
  }
}
