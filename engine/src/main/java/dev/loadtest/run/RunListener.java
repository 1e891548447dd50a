package dev.loadtest.run;

import dev.loadtest.stats.Interval;

/**
 * Hears what happens during a run. Called from the engine's scheduler thread: implementations
 * must return quickly.
 */
public interface RunListener {

  /** The load starts now. */
  default void onLoadStart() {}

  /** A progress report covering the last progress interval. */
  default void onProgress(ProgressReport report) {}

  /** Every sampling interval, in order, the last one when the run ends. */
  default void onInterval(Interval interval) {}

  /** Something the user can act on; the engine says each thing once. */
  default void onWarning(String message) {}

  /** Does nothing. */
  RunListener NONE = new RunListener() {};
}
