package dev.loadtest.plan;

import java.time.Duration;

/**
 * How a scenario's load changes over time. Implementations are pure functions of the elapsed
 * time since the scenario started: no clock inside, so schedules can be tested as sequences.
 */
public sealed interface LoadProfile permits ClosedLoad, OpenLoad {

  /** Time from the scenario's start until its load is over. */
  Duration duration();

  /** The most virtual users active at once. */
  int peakUsers();

  String describe();
}
