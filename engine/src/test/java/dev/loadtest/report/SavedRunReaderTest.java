package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.stats.RequestSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved files give back the run's numbers exactly: histograms add, counters sum. */
class SavedRunReaderTest {

  @TempDir
  Path directory;

  @Test
  void replayedHistogramsAddUpToEveryRecordedValue() throws Exception {
    List<String> names = SyntheticRun.names(4);
    SyntheticRun.write(directory, 30, names, 40, 11);

    SavedRun run = SavedRunReader.read(directory);

    // 40, 20, 13 and 10 requests per interval for the four names.
    assertThat(run.stats().requests()).extracting(RequestSummary::requests)
        .containsExactly(1200L, 600L, 390L, 300L);
    assertThat(run.stats().total().requests()).isEqualTo(2490);
    assertThat(run.stats().timeline()).hasSize(30);
    assertThat(run.series().history()).hasSize(30);
    assertThat(run.series().history().get(29).requests()).isEqualTo(2490);
    assertThat(run.stats().request(0).name()).isEqualTo("chat, streamed");
  }

  @Test
  void intervalsInWhichNothingEndedAddNothing() throws Exception {
    SyntheticRun.write(directory, 30, SyntheticRun.names(4), 40, 11);
    // Take out every histogram of the 11th interval, as when all answers were still on their
    // way for a whole second (slow streams do this).
    Path log = directory.resolve(ResultFiles.LATENCY_LOG);
    List<String> lines = java.nio.file.Files.readAllLines(log);
    List<String> starts = lines.stream().filter(line -> line.startsWith("Tag="))
        .map(line -> line.split(",")[1]).distinct().toList();
    String emptied = starts.get(10);
    java.nio.file.Files.write(log, lines.stream()
        .filter(line -> !(line.startsWith("Tag=") && line.split(",")[1].equals(emptied)))
        .toList());

    SavedRun run = SavedRunReader.read(directory);

    // 40 + 20 + 13 + 10 requests fewer than the whole 2,490.
    assertThat(run.stats().total().requests()).isEqualTo(2490 - 83);
    assertThat(run.stats().timeline().get(10).requests()).isZero();
    assertThat(run.series().history()).hasSize(30);
    assertThat(run.series().history().get(29).requests()).isEqualTo(2490 - 83);
  }

  @Test
  void failuresPerNameAreTheSumOfTheirIntervals() throws Exception {
    List<String> names = SyntheticRun.names(3);
    SyntheticRun.write(directory, 200, names, 10, 5);

    SavedRun run = SavedRunReader.read(directory);

    long fromIntervals = run.intervals().stream()
        .mapToLong(i -> i.failures().values().stream().mapToLong(Long::longValue).sum()).sum();
    assertThat(run.stats().total().failures()).isEqualTo(fromIntervals).isPositive();
    assertThat(run.stats().timeline().stream().mapToLong(p -> p.failures()).sum())
        .isEqualTo(fromIntervals);
  }

  @Test
  void damagedHistogramIsAnErrorNamingFileAndLine() throws Exception {
    SyntheticRun.write(directory, 3, SyntheticRun.names(2), 5, 1);
    Path log = directory.resolve(ResultFiles.LATENCY_LOG);
    List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(log));
    int last = lines.size() - 1;
    // Cut the last histogram's base64 in half, as a disk that filled up mid-line would.
    lines.set(last, lines.get(last).substring(0, lines.get(last).length() / 2 + 20));
    java.nio.file.Files.write(log, lines);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SavedRunReader.read(directory))
        .hasMessageContaining("latency.hlog, line " + (last + 1) + ": ");
  }

  @Test
  void missingIntervalLogIsAnErrorNamingTheFile() throws Exception {
    SyntheticRun.write(directory, 2, SyntheticRun.names(1), 5, 1);
    java.nio.file.Files.delete(directory.resolve(ResultFiles.LATENCY_LOG));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SavedRunReader.read(directory))
        .hasMessageContaining("latency.hlog");
  }
}
