package dev.loadtest.cli;

import dev.loadtest.report.ReportSet;
import dev.loadtest.report.ResultFiles;
import dev.loadtest.report.SavedRun;
import dev.loadtest.report.SavedRunReader;
import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code loadtest report --from DIR}: renders the reports of a finished run again from its
 * saved results (interval log and {@code results.json}), without sending any request. With
 * several folders, merges the workers of a segmented run first, as {@code merge} does.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Render report.html, charts, CSV, summary.json and junit.xml again from the"
        + " results a run saved with --out; exit with the run's verdict. Several --from"
        + " folders (the workers of a segmented run) are merged into --out first.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the run passed", "1:a threshold failed, the run was aborted or a"
        + " worker's results are missing", "2:invalid usage, or folders of different runs",
        "3:the saved results cannot be read or the reports written"})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Option(names = "--from", required = true, arity = "1..*", paramLabel = "DIR",
      description = "The --out directory of a run; several: the workers of one segmented run.")
  List<Path> from = new ArrayList<>();

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write the reports here instead of into the --from directory; required"
          + " with several --from folders.")
  Path out;

  @Option(names = "--csv-prefix", paramLabel = "PREFIX",
      defaultValue = ResultFiles.DEFAULT_CSV_PREFIX,
      description = "Prefix of the Locust-style CSV files (default: ${DEFAULT-VALUE}).")
  String csvPrefix;

  @Override
  public Integer call() {
    PrintWriter console = command.commandLine().getOut();
    PrintWriter errors = command.commandLine().getErr();
    if (from.size() > 1) {
      if (out == null) {
        errors.println("error: several --from folders are merged: give --out for the merged"
            + " results");
        errors.flush();
        return ExitCode.INVALID_INPUT.code();
      }
      return MergeCommand.mergeAndReport(from, out, true, csvPrefix,
          command.commandLine().getParseResult().originalArgs(), console, errors);
    }
    return render(from.get(0), out == null ? from.get(0) : out, csvPrefix, console, errors);
  }

  /** Reads the saved run in {@code source}, writes its reports into {@code target}. */
  static int render(Path source, Path target, String csvPrefix, PrintWriter console,
      PrintWriter errors) {
    SavedRun run;
    try {
      run = SavedRunReader.read(source);
    } catch (IOException | RuntimeException e) {
      errors.println("error: cannot read the results in " + source + ": " + e.getMessage());
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
    List<ThresholdResult> verdicts = ReportSet.verdicts(run);
    ExitCode code = ReportSet.passed(run, verdicts) ? ExitCode.PASSED
        : ExitCode.THRESHOLDS_FAILED;
    ReportSet.Outcome outcome;
    try {
      java.nio.file.Files.createDirectories(target);
      outcome = ReportSet.write(target, csvPrefix, run, verdicts, code.code());
    } catch (IOException e) {
      errors.println("error: cannot write into " + target + ": " + e.getMessage());
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
    run.metadata().warnings().forEach(warning -> console.println("WARNING: " + warning));
    verdicts.forEach(verdict -> console.println(verdict.describe()));
    console.println((outcome.passed() ? "RESULT: PASSED" : "RESULT: FAILED") + "; reports"
        + " written to " + target + " (open " + target.resolve(ResultFiles.HTML) + ")");
    console.flush();
    if (!outcome.problems().isEmpty()) {
      outcome.problems().forEach(problem -> errors.println("error: " + problem));
      errors.flush();
      return ExitCode.COULD_NOT_RUN.code();
    }
    return code.code();
  }
}
