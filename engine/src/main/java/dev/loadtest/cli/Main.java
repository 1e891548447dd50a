package dev.loadtest.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code loadtest} command line. {@code run} is the default command. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Load tests for HTTP and LLM services, described in YAML.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main {

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  public static void main(String[] args) {
    int code = execute(args, Environment.system(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true));
    System.exit(code);
  }

  /** Runs a command line and returns its exit code; never calls System.exit. */
  static int execute(String[] args, Environment environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main())
        .addSubcommand(new RunCommand(environment))
        .addSubcommand(new ValidateCommand(environment))
        .addSubcommand(new MockCommand())
        .addSubcommand(new ReportCommand())
        .addSubcommand(new MergeCommand())
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(exception -> ExitCode.INVALID_INPUT.code())
        .setExecutionExceptionHandler((exception, line, parsed) -> {
          err.println("error: " + exception);
          err.flush();
          return ExitCode.COULD_NOT_RUN.code();
        });
    commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INVALID_INPUT.code());
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INVALID_INPUT.code());
    }
    return commandLine.execute(withDefaultCommand(args));
  }

  /** {@code loadtest -f spec.yaml} means {@code loadtest run -f spec.yaml}. */
  private static String[] withDefaultCommand(String[] args) {
    if (args.length == 0 || !args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0])) {
      return args;
    }
    String[] withRun = new String[args.length + 1];
    withRun[0] = "run";
    System.arraycopy(args, 0, withRun, 1, args.length);
    return withRun;
  }
}
