package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-hour run with 50 request names (3,600 one-second intervals, synthesised, no load)
 * renders into a report under 5 MB. How long that takes is a benchmark's question, not this
 * test's: see docs/limitations.md (replaying a one-hour log takes 30 s to 90 s on 2 cores).
 */
class LargeRunReportTest {

  @TempDir
  Path directory;

  @Test
  void oneHourWithFiftyNamesStaysUnderFiveMegabytes() throws Exception {
    SyntheticRun.write(directory, 3600, SyntheticRun.names(50), 20, 9);

    SavedRun run = SavedRunReader.read(directory);
    ReportSet.Outcome outcome = ReportSet.write(directory, "hour", run,
        ReportSet.verdicts(run), 1);

    assertThat(outcome.problems()).isEmpty();
    assertThat(run.stats().timeline()).hasSize(3600);
    assertThat(Files.size(directory.resolve(ResultFiles.HTML))).isLessThan(5L * 1024 * 1024);
    assertThat(Files.lines(directory.resolve("hour_stats.csv")).count()).isEqualTo(52);
  }
}
