package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warnings saved with a run reach every report: the page's warning box, summary.json, and a
 * merge, each worker's labelled. Saved synthetic runs; no load, no clock.
 */
class RunWarningsTest {

  private static final String SATURATION = "results may be skewed: the load generator's CPU"
      + " stayed above 90% for 23 s (from 5 s to 28 s, peak 98%)";

  @TempDir
  Path directory;

  @Test
  void savedWarningsShowInThePageAndTheSummary() throws Exception {
    SyntheticRun.write(directory, 30, SyntheticRun.names(2), 10, 3);
    SaturatedRun.rewrite(directory, 5, 28, List.of(SaturatedRun.LAG_WARNING), true);

    SavedRun run = SavedRunReader.read(directory);
    ReportSet.Outcome outcome = ReportSet.write(directory, "w", run, ReportSet.verdicts(run),
        1);

    assertThat(outcome.problems()).isEmpty();
    assertThat(run.metadata().warnings()).hasSize(2);
    assertThat(run.metadata().warnings().get(0)).startsWith(SATURATION);
    assertThat(run.metadata().warnings().get(1)).isEqualTo(SaturatedRun.LAG_WARNING);
    String html = Files.readString(directory.resolve(ResultFiles.HTML));
    String box = html.substring(html.indexOf("<section id=\"warnings\""),
        html.indexOf("<section id=\"thresholds\""));
    assertThat(box).contains("role=\"alert\"",
        "<li>Results may be skewed: the load generator&#39;s CPU stayed above 90% for 23 s",
        "<li>The generator is behind its schedule");
    JsonNode summary = JsonMapper.builder().build()
        .readTree(directory.resolve(SummaryJson.FILE_NAME).toFile());
    assertThat(summary.get("warnings")).hasSize(2);
    assertThat(summary.get("warnings").get(0).asString()).startsWith(SATURATION);
  }

  @Test
  void aRunWithoutWarningsHasNoBoxAndAnEmptyArray() throws Exception {
    SyntheticRun.write(directory, 30, SyntheticRun.names(2), 10, 3);
    SaturatedRun.rewrite(directory, 5, 14, List.of(), true);

    SavedRun run = SavedRunReader.read(directory);
    ReportSet.write(directory, "w", run, ReportSet.verdicts(run), 1);

    // Nine seconds above 90% are short of the ten that count.
    assertThat(Files.readString(directory.resolve(ResultFiles.HTML)))
        .doesNotContain("id=\"warnings\"");
    JsonNode summary = JsonMapper.builder().build()
        .readTree(directory.resolve(SummaryJson.FILE_NAME).toFile());
    assertThat(summary.get("warnings")).isEmpty();
  }

  @Test
  void resultsSavedBeforeWarningsAreJudgedFromTheirCpuReadings() throws Exception {
    SyntheticRun.write(directory, 30, SyntheticRun.names(2), 10, 3);
    SaturatedRun.rewrite(directory, 5, 28, List.of(SaturatedRun.LAG_WARNING), false);

    SavedRun run = SavedRunReader.read(directory);

    // The lag warning was never saved; the saturation follows from the intervals.
    assertThat(run.metadata().warnings()).singleElement().asString().startsWith(SATURATION);
  }

  @Test
  void aMergeKeepsEachWorkersWarningsLabelled() throws Exception {
    Path first = worker(1, List.of(SaturatedRun.LAG_WARNING));
    Path second = worker(2, List.of());
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.merge(List.of(second, first), out, List.of("merge"));
    SavedRun merged = SavedRunReader.read(out);

    assertThat(merged.metadata().warnings()).hasSize(3);
    assertThat(merged.metadata().warnings().get(0)).startsWith("worker 1 of 2: " + SATURATION);
    assertThat(merged.metadata().warnings().get(1))
        .isEqualTo("worker 1 of 2: " + SaturatedRun.LAG_WARNING);
    assertThat(merged.metadata().warnings().get(2)).startsWith("worker 2 of 2: " + SATURATION);
  }

  /** A synthetic worker {@code index} of 2, saturated from 5 s to 28 s. */
  private Path worker(int index, List<String> console) throws Exception {
    Path folder = Files.createDirectories(directory.resolve("worker-" + index));
    SyntheticRun.write(folder, 30, SyntheticRun.names(2), 10, index);
    ResultsDocument saved = ResultsJson.read(folder);
    RunMetadata metadata = saved.metadata();
    RunMetadata asWorker = new RunMetadata(metadata.name(), metadata.specSha256(),
        metadata.seed(), metadata.version(), metadata.startedAt(), metadata.endedAt(), false,
        metadata.abortReason(), 0, metadata.commandLine(), metadata.generator(),
        new RunSegments(2, List.of(index), java.util.Optional.empty(), List.of(0L), false));
    ResultsJson.write(folder, new ResultsDocument(asWorker, saved.requestNames(),
        saved.methods(), saved.thresholds(), saved.failures(), saved.intervals(),
        saved.logBaseMillis(), saved.elapsedNanos(), saved.clampedValues(), true,
        saved.generatorLag(), saved.dropped()));
    SaturatedRun.rewrite(folder, 5, 28, console, true);
    return folder;
  }
}
