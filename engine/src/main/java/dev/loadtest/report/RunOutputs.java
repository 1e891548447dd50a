package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.run.RunListener;
import dev.loadtest.run.RunResult;
import dev.loadtest.run.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code run --out DIR} writes, from the start of the run to its end: the console
 * copied to {@code run.log}, the interval log as intervals close, and at the end
 * {@code results.json} and every report, re-read from those files so that
 * {@code report --from DIR} renders the same. Used by the one thread that runs the command.
 */
public final class RunOutputs implements AutoCloseable {

  private final Path directory;
  private final String csvPrefix;
  private final Writer log;
  private final PrintWriter console;
  private final ResultsRecorder recorder;

  private RunOutputs(Path directory, String csvPrefix, PrintWriter console) throws IOException {
    this.directory = directory;
    this.csvPrefix = csvPrefix;
    this.log = Files.newBufferedWriter(directory.resolve(ResultFiles.RUN_LOG),
        StandardCharsets.UTF_8);
    this.console = new PrintWriter(new TeeWriter(console, log), true);
    this.recorder = new ResultsRecorder(directory, this.console::println);
  }

  /** Opens {@code run.log} in a directory that {@link OutputDirectory#prepare} accepted. */
  public static RunOutputs open(Path directory, String csvPrefix, PrintWriter console)
      throws IOException {
    return new RunOutputs(directory, csvPrefix, console);
  }

  /** The console, also written to {@code run.log}; print everything the user sees here. */
  public PrintWriter console() {
    return console;
  }

  /** The listener that saves every interval; add it to the run's listeners. */
  public RunListener recorder() {
    return recorder;
  }

  /**
   * Saves the run's results and writes every report.
   *
   * @param verdicts the thresholds as the run judged them
   * @param exitCode the exit code of the verdict
   * @param commandLine the command's arguments, for the report's metadata
   * @param startAt the synchronised start the run counted from, if any
   * @param monitors what the target monitors read during the run; empty without monitors
   */
  public ReportSet.Outcome finish(TestPlan plan, RunResult result,
      List<dev.loadtest.stats.ThresholdResult> verdicts, int exitCode,
      List<String> commandLine, java.util.Optional<java.time.Instant> startAt,
      List<MonitorSeries> monitors) {
    recorder.close();
    ResultsDocument document = document(plan, result, commandLine, startAt);
    // The console warned live, at the sustained time; this is the whole run's figure.
    RunWarnings.generatorSaturation(document.intervals())
        .ifPresent(warning -> console.println("WARNING: " + warning));
    List<String> problems = new ArrayList<>();
    try {
      ResultsJson.write(directory, document);
      LlmResults.write(directory, result.stats().llm());
      CustomMetricResults.write(directory, result.stats().custom());
      MonitorResults.write(directory, monitors);
    } catch (IOException | RuntimeException e) {
      problems.add("cannot write " + ResultFiles.RESULTS + ": " + e.getMessage());
    }
    SavedRun run = savedRun(document, result, problems).withMonitors(monitors);
    ReportSet.Outcome outcome = ReportSet.write(directory, csvPrefix, run, verdicts,
        exitCode);
    problems.addAll(outcome.problems());
    return new ReportSet.Outcome(outcome.verdicts(), outcome.passed(), outcome.written(),
        problems);
  }

  /**
   * Records that the run ended before it measured anything: the reason goes into
   * {@code run.log} and into {@link ResultFiles#COULD_NOT_RUN}, so that whoever waits for this
   * folder's results (a merge, the Helm chart's merge step) learns why none will come.
   *
   * @return a problem writing the file, if any (the console has shown the reason either way)
   */
  public java.util.Optional<String> couldNotRun(String reason) {
    recorder.close();
    console.flush();
    try {
      // The caller shows the reason on standard error; run.log gets it too.
      log.write("error: " + reason + System.lineSeparator());
      Files.writeString(directory.resolve(ResultFiles.COULD_NOT_RUN), reason + "\n",
          StandardCharsets.UTF_8);
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.of("cannot write " + ResultFiles.COULD_NOT_RUN + ": "
          + e.getMessage());
    }
  }

  /**
   * Re-reads what was saved, for the per-request time series; the statistics themselves come
   * from memory, which also holds what the files do not (warm-up set apart, service times,
   * coordinated-omission corrections). Falls back to memory alone when
   * the saved files are incomplete.
   */
  private SavedRun savedRun(ResultsDocument document, RunResult result, List<String> problems) {
    if (problems.isEmpty() && document.latencyLogComplete()) {
      try {
        SavedRun saved = SavedRunReader.read(directory);
        return new SavedRun(saved.metadata(), saved.methods(), saved.thresholds(),
            result.stats(), saved.series(), saved.intervals(), saved.monitors(),
            saved.llmTimeline());
      } catch (IOException | RuntimeException e) {
        problems.add("cannot read back the saved results: " + e.getMessage());
      }
    }
    // The reports then come from memory, without per-request time series.
    return new SavedRun(document.metadata(), document.methods(), document.thresholds(),
        result.stats(), TimeSeries.timelineOnly(document.requestNames(), document.intervals()),
        document.intervals());
  }

  private ResultsDocument document(TestPlan plan, RunResult result, List<String> commandLine,
      java.util.Optional<java.time.Instant> startAt) {
    List<IntervalRecord> intervals = recorder.intervals();
    GeneratorUsage generator = GeneratorUsage.of(Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(), intervals);
    RunMetadata metadata = new RunMetadata(plan.name(), plan.specSha256(), plan.seed(),
        Version.current(), result.startedAt(), result.endedAt(), result.interrupted(),
        result.abortReason(), result.abandonedRequests(), commandLine, generator,
        new RunSegments(plan.segment().count(), List.of(plan.segment().index()), startAt,
            List.of(startAt.isPresent() ? recorder.lateStartMillis() : 0L), false))
        .withWarnings(RunWarnings.of(intervals, recorder.warnings()));
    long base = recorder.baseMillis() >= 0 ? recorder.baseMillis()
        : result.startedAt().toEpochMilli();
    return new ResultsDocument(metadata, plan.requestNames(), methods(plan), plan.thresholds(),
        result.stats().failures(), intervals, base, result.stats().elapsed().toNanos(),
        result.stats().clampedValues(), recorder.complete(), result.stats().generatorLag(),
        result.stats().dropped());
  }

  /** The HTTP method of each request name, for Locust's {@code Type} column. */
  static Map<String, String> methods(TestPlan plan) {
    Map<String, String> methods = new LinkedHashMap<>();
    for (ScenarioPlan scenario : plan.scenarios()) {
      for (TaskPlan task : scenario.tasks().items()) {
        for (Step step : task.steps()) {
          if (step instanceof RequestPlan request) {
            methods.putIfAbsent(request.name(), request.method().name());
          }
        }
      }
    }
    return methods;
  }

  @Override
  public void close() {
    recorder.close();
    console.flush();
    try {
      log.close();
    } catch (IOException e) {
      // The console already showed everything; a log that cannot close loses nothing more.
    }
  }

  @Override
  public String toString() {
    return "RunOutputs[" + directory + ", " + recorder + ", CSV prefix " + csvPrefix + "]";
  }
}
