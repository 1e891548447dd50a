package dev.loadtest.run;

/**
 * Drives one scenario's load on the run's scheduler thread: users for a closed model, arrivals
 * for an open one.
 */
interface ScenarioDriver {

  /** Starts the scenario's load; {@code loadStartNanos} is when the run's load started. */
  void start(long loadStartNanos);

  /** Stops sending; iterations in flight finish. Call on the scheduler thread. */
  void stop();
}
