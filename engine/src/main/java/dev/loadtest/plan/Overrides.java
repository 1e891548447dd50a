package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the command line changes in a spec beyond {@code --set}: values whose meaning spans
 * several places of the spec, so they are applied by the compiler rather than as plain edits.
 *
 * @param users total virtual users, shared among scenarios in the spec's proportions
 * @param duration total length of the run; the hold stage absorbs the difference
 * @param rampUpUsersPerSecond ramp-up as a rate
 * @param rampUpTime ramp-up as a time
 * @param scenarios names of the scenarios to run; empty means all
 * @param rate total peak arrival rate of the open-model scenarios, per second
 */
public record Overrides(
    OptionalInt users,
    Optional<Duration> duration,
    OptionalDouble rampUpUsersPerSecond,
    Optional<Duration> rampUpTime,
    List<String> scenarios,
    OptionalDouble rate) {

  /** No overrides. */
  public static final Overrides NONE = new Overrides(OptionalInt.empty(), Optional.empty(),
      OptionalDouble.empty(), Optional.empty(), List.of(), OptionalDouble.empty());

  public Overrides {
    scenarios = List.copyOf(scenarios);
  }

  /** Overrides without a rate, as before open models existed. */
  public Overrides(OptionalInt users, Optional<Duration> duration,
      OptionalDouble rampUpUsersPerSecond, Optional<Duration> rampUpTime, List<String> scenarios) {
    this(users, duration, rampUpUsersPerSecond, rampUpTime, scenarios, OptionalDouble.empty());
  }
}
