package dev.loadtest.cli;

import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecErrorFormatter;
import dev.loadtest.spec.SpecException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadtest validate}: checks a spec and prints what running it would need. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check a spec (schema and meaning) and print the compiled plan and its needs;"
        + " sends no request.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Mixin
  SpecOptions spec;

  private final Environment environment;

  ValidateCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    try {
      TestPlan plan = SpecFiles.compile(spec, environment.variables(), environment.freshSeed());
      PrintWriter out = command.commandLine().getOut();
      out.println("spec is valid: " + String.join(" + ", spec.files.stream()
          .map(Object::toString).toList()));
      out.print(plan.describe());
      out.println(plan.needs().describe());
      out.flush();
      return ExitCode.PASSED.code();
    } catch (SpecException e) {
      command.commandLine().getErr().print(SpecErrorFormatter.format(e.problems()));
      command.commandLine().getErr().flush();
      return ExitCode.INVALID_INPUT.code();
    }
  }
}
