package dev.loadtest.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a saved synthetic run as if its generator had been saturated: CPU readings of 95%
 * (98% at the stretch's middle) in the given intervals, 25% elsewhere, and the warnings a run
 * saves. For tests of what reports make of warnings.
 */
public final class SaturatedRun {

  /** The lag warning the engine gives, as a console warning saved with the run. */
  public static final String LAG_WARNING = "the generator is behind its schedule: intended"
      + " starts went out 12.5 ms late (p99) for 5 intervals in a row";

  private SaturatedRun() {}

  /**
   * @param fromInterval the first saturated one-second interval
   * @param toInterval the one after the last
   * @param console the console's warnings to save besides the saturation
   * @param keepWarnings false to save the file as loadtest did before it kept warnings
   */
  public static void rewrite(Path directory, int fromInterval, int toInterval,
      List<String> console, boolean keepWarnings) throws IOException {
    ResultsDocument saved = ResultsJson.read(directory);
    List<IntervalRecord> intervals = new ArrayList<>();
    int middle = (fromInterval + toInterval) / 2;
    for (int i = 0; i < saved.intervals().size(); i++) {
      IntervalRecord record = saved.intervals().get(i);
      double cpu = i == middle ? 0.98 : i >= fromInterval && i < toInterval ? 0.95 : 0.25;
      intervals.add(new IntervalRecord(record.startNanos(), record.endNanos(),
          record.activeUsers(), record.failures(), cpu, record.heapBytes()));
    }
    RunMetadata metadata = saved.metadata().withWarnings(RunWarnings.of(intervals, console));
    ResultsJson.write(directory, new ResultsDocument(metadata, saved.requestNames(),
        saved.methods(), saved.thresholds(), saved.failures(), intervals,
        saved.logBaseMillis(), saved.elapsedNanos(), saved.clampedValues(),
        saved.latencyLogComplete(), saved.generatorLag(), saved.dropped()));
    if (!keepWarnings) {
      Path results = directory.resolve(ResultFiles.RESULTS);
      tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode)
          tools.jackson.databind.json.JsonMapper.builder().build().readTree(results.toFile());
      ((tools.jackson.databind.node.ObjectNode) root.get("run")).remove("warnings");
      java.nio.file.Files.writeString(results, root.toPrettyString());
    }
  }
}
