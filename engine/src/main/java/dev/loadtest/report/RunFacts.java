package dev.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's metadata as label/value rows for the report. Stateless. */
final class RunFacts {

  private RunFacts() {}

  static List<Map<String, String>> of(SavedRun run) {
    RunMetadata metadata = run.metadata();
    List<Map<String, String>> rows = new ArrayList<>();
    add(rows, "spec", metadata.name());
    add(rows, "spec SHA-256", metadata.specSha256());
    add(rows, "seed", Long.toString(metadata.seed()));
    add(rows, "command line", metadata.commandLine().isEmpty() ? "(not recorded)"
        : "loadtest " + String.join(" ", metadata.commandLine()));
    add(rows, "loadtest version", metadata.version());
    add(rows, "started", metadata.startedAt().toString());
    add(rows, "ended", metadata.endedAt().toString());
    add(rows, "measured", HtmlReport.duration(run.stats().elapsed()));
    segments(rows, metadata.segments());
    generator(rows, metadata.generator());
    if (metadata.abandonedRequests() > 0) {
      add(rows, "abandoned requests", metadata.abandonedRequests()
          + " still in flight at the end, in no count");
    }
    if (run.stats().clampedValues() > 0) {
      add(rows, "clamped latencies", run.stats().clampedValues()
          + " above one hour, recorded as one hour");
    }
    return rows;
  }

  private static void segments(List<Map<String, String>> rows, RunSegments segments) {
    if (!segments.isWhole()) {
      add(rows, "workers", segments.describe() + (segments.incomplete()
          ? "; MISSING " + segments.missing() : segments.merged() ? ", merged" : ""));
    }
    segments.startAt().ifPresent(at -> add(rows, "synchronised start", at + (segments
        .lateStarts().isEmpty() ? ", every worker on time"
        : "; " + String.join("; ", segments.lateStarts()))));
  }

  private static void generator(List<Map<String, String>> rows, GeneratorUsage usage) {
    add(rows, "generator CPU", String.format(Locale.ROOT,
        "%d cores; process mean %.0f%%, peak %.0f%% of all cores", usage.cores(),
        usage.meanCpuShare() * 100, usage.peakCpuShare() * 100));
    add(rows, "generator memory", String.format(Locale.ROOT,
        "heap peak %s of %s", mebibytes(usage.peakHeapBytes()),
        mebibytes(usage.maxHeapBytes())));
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  private static void add(List<Map<String, String>> rows, String label, String value) {
    rows.add(Map.of("label", label, "value", value));
  }
}
