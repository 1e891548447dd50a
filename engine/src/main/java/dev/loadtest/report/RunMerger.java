package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.CustomSeries;
import dev.loadtest.stats.CustomMetricsSnapshot;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.LatencyHistograms;
import dev.loadtest.stats.LlmSnapshot;
import dev.loadtest.stats.LlmSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Merges the results folders of the workers of a segmented run into one folder that reads like
 * the results of a single run: {@code results.json}, the interval log, the LLM results and the
 * custom metrics.
 * Nothing is re-sampled: histograms are added, counters summed, lists concatenated, so the
 * merged percentiles are those of all recorded values together. Intervals are aligned by
 * wall-clock second from the earliest worker's start. Stateless.
 */
public final class RunMerger {

  static final long MERGED_INTERVAL_MILLIS = 1000;

  private RunMerger() {}

  /**
   * What merging produced.
   *
   * @param document the merged {@code results.json}
   * @param warnings what the user should know: missing workers, late starts
   */
  public record Merged(ResultsDocument document, List<String> warnings) {}

  /** One worker's folder, read. */
  record Input(Path directory, ResultsDocument document, LlmSnapshot llm,
      CustomMetricsSnapshot custom) {
    int firstWorker() {
      return document.metadata().segments().workers().get(0);
    }
  }

  /**
   * Merges {@code inputs} into {@code out}, which must exist and be none of them.
   *
   * @param commandLine the merge command's arguments, recorded as the merged run's command
   * @throws MergeMismatchException when the folders do not belong to one segmented run
   * @throws IOException when a folder cannot be read or {@code out} written
   */
  public static Merged merge(List<Path> inputs, Path out, List<String> commandLine)
      throws IOException, MergeMismatchException {
    List<Input> read = new ArrayList<>();
    for (Path directory : inputs) {
      read.add(new Input(directory, ResultsJson.read(directory), LlmResults.read(directory),
          CustomMetricResults.read(directory)));
    }
    read.sort(Comparator.comparingInt(Input::firstWorker));
    MergeChecks.check(read);
    long baseMillis = read.stream().mapToLong(input -> input.document().logBaseMillis()).min()
        .orElseThrow();
    IntervalMerge intervals = IntervalMerge.of(read, baseMillis);
    intervals.writeLog(read, out.resolve(ResultFiles.LATENCY_LOG));
    ResultsDocument merged = document(read, intervals.records(), baseMillis, commandLine);
    ResultsJson.write(out, merged);
    LlmResults.write(out, llm(read, merged.requestNames()));
    CustomMetricResults.write(out, custom(read));
    MonitorResults.write(out, monitors(read));
    return new Merged(merged, warnings(merged.metadata().segments()));
  }

  // Limitation: every worker scrapes the same target monitors, and readings of a gauge do not
  // add up, so the merged run keeps those of the lowest-numbered worker that has any; the
  // others' readings are not shown or judged.
  private static List<MonitorSeries> monitors(List<Input> read) throws IOException {
    for (Input input : read) {
      List<MonitorSeries> monitors = MonitorResults.read(input.directory());
      if (!monitors.isEmpty()) {
        return monitors;
      }
    }
    return List.of();
  }

  // Limitation: saved results do not keep service times, coordinated-omission corrections or
  // the warm-up boundary, so a merged report has no service-time figures, and with --warm-up
  // the merged totals include the warm-up.
  private static ResultsDocument document(List<Input> inputs, List<IntervalRecord> intervals,
      long baseMillis, List<String> commandLine) {
    ResultsDocument first = inputs.get(0).document();
    Histogram lag = LatencyHistograms.newHistogram();
    long elapsedNanos = 0;
    for (Input input : inputs) {
      ResultsDocument document = input.document();
      lag.add(document.generatorLag());
      long offsetNanos = (document.logBaseMillis() - baseMillis) * 1_000_000;
      elapsedNanos = Math.max(elapsedNanos, offsetNanos + document.elapsedNanos());
    }
    return new ResultsDocument(metadata(inputs, commandLine, intervals), first.requestNames(),
        first.methods(), first.thresholds(), failures(inputs), intervals, baseMillis,
        elapsedNanos, sum(inputs, ResultsDocument::clampedValues),
        inputs.stream().allMatch(input -> input.document().latencyLogComplete()), lag,
        sum(inputs, ResultsDocument::dropped));
  }

  private static RunMetadata metadata(List<Input> inputs, List<String> commandLine,
      List<IntervalRecord> intervals) {
    RunMetadata first = inputs.get(0).document().metadata();
    List<RunMetadata> all = inputs.stream().map(input -> input.document().metadata()).toList();
    Instant started = all.stream().map(RunMetadata::startedAt).min(Instant::compareTo)
        .orElseThrow();
    Instant ended = all.stream().map(RunMetadata::endedAt).max(Instant::compareTo)
        .orElseThrow();
    List<String> aborts = new ArrayList<>();
    for (RunMetadata metadata : all) {
      metadata.abortReason().ifPresent(reason -> aborts.add(
          metadata.segments().describe() + ": " + reason));
    }
    return new RunMetadata(first.name(), first.specSha256(), first.seed(), first.version(),
        started, ended, all.stream().anyMatch(RunMetadata::interrupted),
        aborts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", aborts)),
        all.stream().mapToLong(RunMetadata::abandonedRequests).sum(), commandLine,
        generator(all, intervals), segments(all))
        .withWarnings(all.stream().flatMap(worker -> RunWarnings.labelled(worker).stream())
            .toList());
  }

  /** The workers' machines together: cores and heaps add up, CPU shares are averaged. */
  private static GeneratorUsage generator(List<RunMetadata> all, List<IntervalRecord> merged) {
    List<GeneratorUsage> usages = all.stream().map(RunMetadata::generator).toList();
    return new GeneratorUsage(usages.stream().mapToInt(GeneratorUsage::cores).sum(),
        usages.stream().mapToLong(GeneratorUsage::maxHeapBytes).sum(),
        usages.stream().mapToDouble(GeneratorUsage::meanCpuShare).average().orElse(0),
        usages.stream().mapToDouble(GeneratorUsage::peakCpuShare).max().orElse(0),
        merged.stream().mapToLong(IntervalRecord::heapBytes).max().orElse(0));
  }

  private static RunSegments segments(List<RunMetadata> all) {
    List<Integer> workers = new ArrayList<>();
    List<Long> late = new ArrayList<>();
    for (RunMetadata metadata : all) {
      workers.addAll(metadata.segments().workers());
      late.addAll(metadata.segments().lateStartMillis());
    }
    // Inputs are sorted by their first worker and hold disjoint workers; merged folders may
    // interleave, so sort the pairs together.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(workers::get));
    List<Optional<Instant>> starts = all.stream().map(m -> m.segments().startAt()).distinct()
        .toList();
    return new RunSegments(all.get(0).segments().count(),
        order.stream().map(workers::get).toList(),
        starts.size() == 1 ? starts.get(0) : Optional.empty(),
        order.stream().map(late::get).toList(), true);
  }

  private static List<FailureCount> failures(List<Input> inputs) {
    Map<FailureKey, Long> counts = new LinkedHashMap<>();
    for (Input input : inputs) {
      for (FailureCount failure : input.document().failures()) {
        counts.merge(new FailureKey(failure.request(), failure.kind(), failure.message()),
            failure.count(), Long::sum);
      }
    }
    return counts.entrySet().stream()
        .map(entry -> new FailureCount(entry.getKey().request(), entry.getKey().kind(),
            entry.getKey().message(), entry.getValue()))
        .sorted(Comparator.comparingLong(FailureCount::count).reversed()
            .thenComparing(FailureCount::request).thenComparing(FailureCount::message))
        .toList();
  }

  private record FailureKey(String request, FailureKind kind, String message) {}

  /** Each request name's LLM summaries added across workers, in plan order. */
  private static LlmSnapshot llm(List<Input> inputs, List<String> names) {
    List<LlmSummary> requests = new ArrayList<>();
    LlmSummary total = LlmSummary.empty("Aggregated");
    for (String name : names) {
      LlmSummary summary = LlmSummary.empty(name);
      boolean present = false;
      for (Input input : inputs) {
        Optional<LlmSummary> own = input.llm().requests().stream()
            .filter(request -> request.name().equals(name)).findFirst();
        if (own.isPresent()) {
          summary = summary.plus(own.get(), name);
          present = true;
        }
      }
      if (present) {
        requests.add(summary);
        total = total.plus(summary, total.name());
      }
    }
    return new LlmSnapshot(requests, total, inputs.get(0).llm().scores());
  }

  /**
   * Each custom series' values added across workers: sums, counts, missing values, histograms
   * and bucket counts add up, minimum and maximum are the lowest and highest of any worker.
   * Series are matched by metric and labels, in the order the first worker lists them.
   */
  private static CustomMetricsSnapshot custom(List<Input> inputs) {
    Map<String, CustomMetric> metrics = new LinkedHashMap<>();
    Map<SeriesKey, CustomSeriesValues> sums = new LinkedHashMap<>();
    for (Input input : inputs) {
      input.custom().declared().metrics().forEach(metric ->
          metrics.putIfAbsent(metric.name(), metric));
      for (CustomSeriesValues values : input.custom().series()) {
        CustomSeries series = values.series();
        sums.merge(new SeriesKey(series.metric().name(), series.labels()), values,
            (sum, more) -> sum.plus(more, sum.series()));
      }
    }
    List<CustomSeries> series = new ArrayList<>();
    List<CustomSeriesValues> values = new ArrayList<>();
    for (CustomSeriesValues sum : sums.values()) {
      // Keys index the merged list, as they index the plan's list in a single run.
      CustomSeries renumbered = new CustomSeries(series.size(), sum.series().metric(),
          sum.series().labels());
      series.add(renumbered);
      values.add(CustomSeriesValues.empty(renumbered).plus(sum, renumbered));
    }
    return new CustomMetricsSnapshot(new CustomMetrics(List.copyOf(metrics.values()), series),
        values);
  }

  private record SeriesKey(String metric, Map<String, String> labels) {}

  private static List<String> warnings(RunSegments segments) {
    List<String> warnings = new ArrayList<>();
    if (segments.incomplete()) {
      warnings.add("incomplete: " + missingWarning(segments));
    }
    segments.lateStarts().forEach(late -> warnings.add("reached --start-at late: " + late));
    return warnings;
  }

  /** The text the console, the report and JUnit show when workers' results are missing. */
  public static String missingWarning(RunSegments segments) {
    return "the results of worker(s) " + new TreeSet<>(segments.missing())
        + " of " + segments.count() + " are missing, so the totals cover only "
        + segments.describe() + " and the run cannot pass";
  }

  private static long sum(List<Input> inputs,
      java.util.function.ToLongFunction<ResultsDocument> field) {
    return inputs.stream().mapToLong(input -> field.applyAsLong(input.document())).sum();
  }

  /** True when {@code directory} holds saved results that {@link #merge} can read. */
  public static boolean holdsResults(Path directory) {
    return Files.isReadable(directory.resolve(ResultFiles.RESULTS));
  }
}
