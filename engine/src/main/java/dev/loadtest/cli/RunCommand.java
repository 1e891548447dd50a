package dev.loadtest.cli;

import dev.loadtest.metrics.MetricsSession;
import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.Endpoint;
import dev.loadtest.metrics.MetricNames;
import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.Segment;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.report.ConsoleReporter;
import dev.loadtest.report.CompositeRunListener;
import dev.loadtest.report.FinalReport;
import dev.loadtest.report.OutputDirectory;
import dev.loadtest.report.ReportSet;
import dev.loadtest.report.ResultFiles;
import dev.loadtest.report.RunOutputs;
import dev.loadtest.run.LoadRunner;
import dev.loadtest.run.RunControl;
import dev.loadtest.run.RunFailedException;
import dev.loadtest.run.RunListener;
import dev.loadtest.run.RunOptions;
import dev.loadtest.run.RunResult;
import dev.loadtest.spec.SpecErrorFormatter;
import dev.loadtest.spec.SpecException;
import dev.loadtest.stats.MonitorReadings;
import dev.loadtest.stats.ThresholdEvaluator;
import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadtest run}: runs a spec and exits with the thresholds' verdict. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run a load test described by a spec; exit 0 if every threshold passes.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:passed", "1:a threshold failed", "2:invalid spec or usage",
        "3:could not run (preflight, target, output directory)"})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Mixin
  SpecOptions spec;

  @Mixin
  SegmentOptions segments;

  @Option(names = "--warm-up", paramLabel = "TIME",
      description = "Leave the first TIME of the run out of the results (JIT and caches warm"
          + " up); the load itself runs as planned.")
  String warmUp;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write the results and reports (report.html, CSV, JSON, JUnit, interval"
          + " log, run.log) into this directory. "
          + "Default: the LOADTEST_OUT environment variable, if set.")
  Path out;

  @Option(names = "--overwrite",
      description = "Replace the results of an earlier run in --out; other files stay.")
  boolean overwrite;

  @Option(names = "--csv-prefix", paramLabel = "PREFIX",
      defaultValue = ResultFiles.DEFAULT_CSV_PREFIX,
      description = "Prefix of the Locust-style CSV files in --out (default: ${DEFAULT-VALUE}).")
  String csvPrefix;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve live Prometheus metrics on HOST:PORT/metrics during the run"
          + " (0 picks a free port); HOST is --metrics-host, else the spec's metrics.host,"
          + " else 127.0.0.1.")
  Integer metricsPort;

  @Option(names = "--metrics-host", paramLabel = "HOST",
      description = "With --metrics-port: listen on HOST, e.g. 0.0.0.0 in a container or pod"
          + " that Prometheus scrapes from outside.")
  String metricsHost;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "The run_id label of the live metrics; default: metrics.runId or generated.")
  String runId;

  private final Environment environment;
  private Optional<java.time.Instant> startAt = Optional.empty();

  RunCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter console = command.commandLine().getOut();
    PrintWriter errors = command.commandLine().getErr();
    // The container image sets LOADTEST_OUT=/work/reports, so results land in that mount.
    String outFromEnvironment = environment.variables().getOrDefault("LOADTEST_OUT", "");
    if (out == null && !outFromEnvironment.isBlank()) {
      out = Path.of(outFromEnvironment);
    }
    TestPlan plan;
    MetricsPlan metricsPlan;
    try {
      Segment segment = segments.segment(environment.variables());
      plan = SpecFiles.compileSegment(spec, environment.variables(), segment,
          environment.freshSeed());
      metricsPlan = LiveMetricsOptions.apply(SpecFiles.compileMetrics(spec,
          environment.variables()), metricsPort, metricsHost(), runId,
          environment.variables());
      if (!segment.isWhole()) {
        metricsPlan = metricsPlan.withLabel(MetricNames.WORKER_LABEL,
            Integer.toString(segment.index()));
      }
    } catch (SpecException e) {
      errors.print(SpecErrorFormatter.format(e.problems()));
      errors.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    // Usage mistakes surface before any output is prepared or any load sent.
    RunOptions options = runOptions(plan);
    startAt = segments.startAt(environment.variables(), java.time.Instant.now(),
        plan.duration());
    if (startAt.isPresent()) {
      options = options.withStartAt(startAt.get());
    }
    Optional<String> outProblem = prepareOutput(plan);
    if (outProblem.isPresent()) {
      errors.println("error: " + outProblem.get());
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
    try (RunOutputs outputs = out == null ? null : RunOutputs.open(out, csvPrefix, console)) {
      return run(plan, options, metricsPlan, outputs == null ? console : outputs.console(),
          errors, outputs);
    } catch (IOException e) {
      errors.println("error: cannot write into " + out + ": " + e.getMessage());
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
  }

  private int run(TestPlan plan, RunOptions options, MetricsPlan metricsPlan,
      PrintWriter console, PrintWriter errors, RunOutputs outputs) throws InterruptedException {
    RunControl control = new RunControl();
    try (MockServer mock = startMockIfNeeded(plan)) {
      URI baseUri = mock != null ? mock.baseUri()
          : ((Endpoint.Remote) plan.target().endpoint()).baseUri();
      console.println(banner(plan, baseUri));
      console.flush();
      ConsoleReporter reporter = new ConsoleReporter(console);
      RunListener listener = outputs == null ? reporter
          : new CompositeRunListener(List.of(reporter, outputs.recorder()));
      RunResult result;
      try (MetricsSession metrics = LiveMetricsOptions.start(plan, metricsPlan, listener);
          Signals.Registration signals = environment.signals().onInterrupt(control)) {
        LiveMetricsOptions.announce(metrics, metricsPlan, console);
        result = new LoadRunner(plan, baseUri, options, metrics.listener())
            .run(control);
        metrics.finish().forEach(reporter::onWarning);
        int code = finish(plan, result, metrics.monitorReadings(), metrics.monitorSeries(),
            console, errors, outputs);
        signals.finished(code);
        return code;
      }
    } catch (RunFailedException e) {
      errors.println("error: " + e.getMessage());
      if (outputs != null) {
        outputs.couldNotRun(e.getMessage())
            .ifPresent(problem -> errors.println("error: " + problem));
      }
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
  }

  private int finish(TestPlan plan, RunResult result, MonitorReadings monitors,
      List<MonitorSeries> monitorSeries, PrintWriter console, PrintWriter errors,
      RunOutputs outputs) {
    List<ThresholdResult> verdicts = ThresholdEvaluator.evaluate(plan.thresholds(),
        result.stats(), monitors);
    boolean passed = result.abortReason().isEmpty()
        && verdicts.stream().allMatch(ThresholdResult::passed);
    ExitCode code = exitCode(plan.segment(), result, passed);
    console.print(FinalReport.render(result, verdicts, passed));
    if (!passed && code == ExitCode.PASSED) {
      console.println("segment " + plan.segment() + ": these thresholds judged this worker's"
          + " share only, so it exits 0; 'loadtest merge' judges the whole run");
    }
    console.flush();
    if (outputs != null) {
      ReportSet.Outcome written = outputs.finish(plan, result, verdicts, code.code(),
          command.commandLine().getParseResult().originalArgs(), startAt, monitorSeries);
      console.println("results and reports written to " + out + " (open "
          + out.resolve(ResultFiles.HTML) + ")");
      if (!written.problems().isEmpty()) {
        written.problems().forEach(problem -> errors.println("error: " + problem));
        errors.flush();
        return ExitCode.COULD_NOT_RUN.code();
      }
    }
    console.flush();
    return code.code();
  }

  /**
   * A worker of a segmented run judges only its share: a share may miss a threshold that the
   * whole run meets (a count, a rate) or meet one the whole misses, so its thresholds do not
   * decide its exit code, and a Job or CI step that runs it fails only when it could not run.
   * The merge gives the verdict. A share cut short by an aborting threshold still exits 1: the
   * merged run is then incomplete as well.
   */
  // Limitation: an abortOnFail threshold is judged on each worker's share while it runs, so it
  // stops only the worker whose share crossed it; the other workers run to their end.
  private static ExitCode exitCode(Segment segment, RunResult result, boolean passed) {
    if (passed || !segment.isWhole() && result.abortReason().isEmpty()) {
      return ExitCode.PASSED;
    }
    return ExitCode.THRESHOLDS_FAILED;
  }

  /** {@code --metrics-host} says where {@code --metrics-port} listens, so it needs one. */
  private String metricsHost() {
    if (metricsHost != null && (metricsPort == null || metricsHost.isBlank())) {
      throw new picocli.CommandLine.ParameterException(command.commandLine(), metricsPort == null
          ? "--metrics-host " + metricsHost + " needs --metrics-port: give both, like"
              + " --metrics-host 0.0.0.0 --metrics-port 9464"
          : "--metrics-host takes a host name or address, like 0.0.0.0; got nothing");
    }
    return metricsHost == null ? null : metricsHost.strip();
  }

  /** Run options from the command line; a warm-up must leave something to measure. */
  private RunOptions runOptions(TestPlan plan) {
    if (warmUp == null) {
      return RunOptions.DEFAULT;
    }
    java.time.Duration length;
    try {
      length = dev.loadtest.spec.Quantities.parseDuration(warmUp);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(command.commandLine(),
          "--warm-up: " + e.getMessage());
    }
    if (length.compareTo(plan.duration()) >= 0) {
      throw new picocli.CommandLine.ParameterException(command.commandLine(), "--warm-up "
          + warmUp + " is not shorter than the run ("
          + dev.loadtest.spec.Quantities.formatDuration(plan.duration()) + ")");
    }
    return RunOptions.DEFAULT.withWarmUp(length);
  }

  private static MockServer startMockIfNeeded(TestPlan plan) throws RunFailedException {
    if (plan.target().endpoint() instanceof Endpoint.BuiltInMock mock) {
      try {
        return MockServer.start(mock.settings(), "127.0.0.1", 0);
      } catch (Exception e) {
        throw new RunFailedException("cannot start the built-in mock: " + e.getMessage(), e);
      }
    }
    return null;
  }

  /** Finds output problems before any load is sent, so no measurement is lost to them. */
  private Optional<String> prepareOutput(TestPlan plan) {
    if (out == null) {
      return Optional.empty();
    }
    return OutputDirectory.prepare(out, overwrite, csvPrefix, OutputDirectory.estimatedBytes(
        plan.duration().toSeconds(), plan.requestNames().size()));
  }

  private static String banner(TestPlan plan, URI baseUri) {
    String segment = plan.segment().isWhole() ? "" : "\nsegment " + plan.segment()
        + ": this worker's share of the whole plan (merge the workers' --out folders with"
        + " 'loadtest merge')";
    return "loadtest " + dev.loadtest.run.Version.current() + ": " + plan.name() + " against "
        + baseUri + segment + "\n" + plan.needs().describe() + "\nseed: " + plan.seed();
  }
}
