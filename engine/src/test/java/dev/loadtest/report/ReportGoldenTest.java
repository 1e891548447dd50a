package dev.loadtest.report;

import dev.loadtest.stats.ThresholdResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-readable outputs of a seeded synthetic run, byte for byte: the Locust CSV files,
 * summary.json and junit.xml. Update with {@code -Dloadtest.updateGolden=true}.
 */
class ReportGoldenTest {

  @TempDir
  Path directory;

  @Test
  void csvJsonAndJunitMatchTheGoldenFiles() throws Exception {
    SyntheticRun.write(directory, 20, SyntheticRun.names(3), 30, 7);
    SavedRun run = SavedRunReader.read(directory);
    List<ThresholdResult> verdicts = ReportSet.verdicts(run);

    ReportSet.Outcome outcome = ReportSet.write(directory, "golden", run, verdicts, 1);

    org.assertj.core.api.Assertions.assertThat(outcome.problems()).isEmpty();
    for (String name : List.of("golden_stats.csv", "golden_stats_history.csv",
        "golden_failures.csv", "golden_exceptions.csv", "summary.json", "junit.xml")) {
      GoldenFiles.assertMatches(name, Files.readString(directory.resolve(name)));
    }
  }
}
