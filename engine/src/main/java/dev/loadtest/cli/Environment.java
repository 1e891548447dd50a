package dev.loadtest.cli;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What commands take from the process: environment variables, a source of seeds, and signal
 * handling. Tests pass their own; {@link Main} passes the real ones.
 *
 * @param variables environment variables
 * @param seeds draws a seed for specs that set none
 * @param signals how Ctrl-C and SIGTERM reach a run
 */
record Environment(Map<String, String> variables, LongSupplier seeds, Signals signals) {

  static Environment system() {
    return new Environment(System.getenv(), System::nanoTime, Signals.JVM_SHUTDOWN_HOOK);
  }

  long freshSeed() {
    return seeds.getAsLong();
  }
}
