package dev.loadtest.cli;

import dev.loadtest.report.MergeMismatchException;
import dev.loadtest.report.OutputDirectory;
import dev.loadtest.report.ResultFiles;
import dev.loadtest.report.RunMerger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code loadtest merge DIR... --out OUT}: combines the results folders of the workers of a
 * segmented run ({@code run --segment I/N}) exactly, judges the thresholds on the whole and
 * writes every report, as if one process had run the plan.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Merge the --out folders of the workers of one segmented run (run --segment"
        + " I/N) into one: histograms added, counters summed, intervals aligned by wall-clock"
        + " second; judge the thresholds on the merged results and write every report.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every threshold passed and every worker's results are there",
        "1:a threshold failed, a worker aborted, or a worker's results are missing",
        "2:invalid usage, or folders of different runs (spec, seed, N, a worker twice)",
        "3:a folder cannot be read or the results written"})
final class MergeCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "DIR",
      description = "The --out folders of the workers (or of earlier merges of some of them).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
      description = "Write the merged results and reports here.")
  Path out;

  @Option(names = "--overwrite",
      description = "Replace the results of an earlier run or merge in --out.")
  boolean overwrite;

  @Option(names = "--allow-missing",
      description = "Merge what is there when a folder is absent or holds no results (a worker"
          + " that crashed or could not run): each is named in a warning, the report says"
          + " which workers are missing, and the verdict fails.")
  boolean allowMissing;

  @Option(names = "--csv-prefix", paramLabel = "PREFIX",
      defaultValue = ResultFiles.DEFAULT_CSV_PREFIX,
      description = "Prefix of the Locust-style CSV files (default: ${DEFAULT-VALUE}).")
  String csvPrefix;

  @Override
  public Integer call() {
    PrintWriter console = command.commandLine().getOut();
    List<Path> present = inputs;
    if (allowMissing) {
      present = inputs.stream().filter(RunMerger::holdsResults).toList();
      inputs.stream().filter(input -> !RunMerger.holdsResults(input))
          .forEach(input -> console.println("warning: " + input + " left out: "
              + whyNoResults(input)));
      if (present.isEmpty()) {
        return fail(command.commandLine().getErr(), "none of the " + inputs.size()
            + " folder(s) holds results", ExitCode.COULD_NOT_RUN);
      }
    }
    return mergeAndReport(present, out, overwrite, csvPrefix,
        command.commandLine().getParseResult().originalArgs(), console,
        command.commandLine().getErr());
  }

  /** Why a worker's folder holds no results, as far as the folder tells. */
  private static String whyNoResults(Path input) {
    if (!Files.isDirectory(input)) {
      return "no such folder (the worker never wrote into it)";
    }
    Path reason = input.resolve(ResultFiles.COULD_NOT_RUN);
    try {
      if (Files.isReadable(reason)) {
        return "the worker could not run: " + Files.readString(reason).strip();
      }
    } catch (IOException e) {
      return "no " + ResultFiles.RESULTS + ", and " + reason + " cannot be read: "
          + e.getMessage();
    }
    return "no " + ResultFiles.RESULTS + " (the worker did not finish)";
  }

  /** Merges {@code inputs} into {@code out}, writes the reports and returns the exit code. */
  static int mergeAndReport(List<Path> inputs, Path out, boolean overwrite, String csvPrefix,
      List<String> commandLine, PrintWriter console, PrintWriter errors) {
    Optional<String> usage = usageProblem(inputs, out);
    if (usage.isPresent()) {
      return fail(errors, usage.get(), ExitCode.INVALID_INPUT);
    }
    Optional<String> outProblem = OutputDirectory.prepare(out, overwrite, csvPrefix,
        OutputDirectory.estimatedBytes(3600, 50));
    if (outProblem.isPresent()) {
      return fail(errors, outProblem.get(), ExitCode.COULD_NOT_RUN);
    }
    RunMerger.Merged merged;
    try {
      merged = RunMerger.merge(inputs, out, commandLine);
    } catch (MergeMismatchException e) {
      return fail(errors, "cannot merge: " + e.getMessage(), ExitCode.INVALID_INPUT);
    } catch (IOException | RuntimeException e) {
      return fail(errors, "cannot merge: " + e.getMessage(), ExitCode.COULD_NOT_RUN);
    }
    merged.warnings().forEach(warning -> console.println("warning: " + warning));
    console.println("merged " + merged.document().metadata().segments().describe() + " from "
        + inputs.size() + " folder(s)");
    return ReportCommand.render(out, out, csvPrefix, console, errors);
  }

  private static Optional<String> usageProblem(List<Path> inputs, Path out) {
    Path target = out.toAbsolutePath().normalize();
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().equals(target)) {
        return Optional.of("--out " + out + " is one of the folders to merge; choose another");
      }
      if (!Files.isDirectory(input)) {
        return Optional.of(input + " is not a folder: give the --out folders of the workers"
            + " ('merge --allow-missing' merges the others and fails the verdict)");
      }
      if (!RunMerger.holdsResults(input)) {
        return Optional.of(input + " holds no " + ResultFiles.RESULTS + ": give the --out"
            + " folders of the workers' runs ('merge --allow-missing' merges the others and fails"
            + " the verdict)");
      }
    }
    return Optional.empty();
  }

  private static int fail(PrintWriter errors, String message, ExitCode code) {
    errors.println("error: " + message);
    errors.flush();
    return code.code();
  }
}
