package dev.loadtest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the real command line in-process and keeps what it printed, for assertions. Public for
 * the chart tests, which run the command lines the rendered Jobs start.
 */
public final class CommandLineRunner {

  /** What one command line did: its exit code and what it printed. */
  public record Outcome(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  private CommandLineRunner() {}

  public static Outcome run(String... args) {
    return run(Map.of(), args);
  }

  public static Outcome run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicLong seeds = new AtomicLong(1234);
    Environment fake = new Environment(environment, seeds::incrementAndGet, Signals.NONE);
    int code = Main.execute(args, fake, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }
}
