package dev.loadtest.run;

import dev.loadtest.stats.Interval;

/**
 * Hears what happens during a run. Called from the engine's scheduler thread: implementations
 * must return quickly.
 */
public interface RunListener {

  /**
   * The load starts now; its schedule counts from {@code startedAt}, which is in the past when a
   * worker reached a synchronised start late.
   */
  default void onLoadStart(java.time.Instant startedAt) {}

  /** A progress report covering the last progress interval. */
  default void onProgress(ProgressReport report) {}

  /** Every sampling interval, in order, the last one when the run ends. */
  default void onInterval(Interval interval) {}

  /** Something the user can act on; the engine says each thing once. */
  default void onWarning(String message) {}

  /**
   * The live self-check found the generator's CPU saturated. A listener that saves results
   * may ignore it and judge the whole run from its own CPU readings, with the final figure.
   */
  default void onGeneratorSaturated(String message) {
    onWarning(message);
  }

  /** Does nothing. */
  RunListener NONE = new RunListener() {};
}
