package dev.loadtest.run;

/** Derives distinct, reproducible random seeds from the plan's seed. */
final class Seeds {

  private Seeds() {}

  /** The seed of one user (closed model) or one arrival (open model) of a scenario. */
  static long forUser(long seed, int scenarioIndex, long userId) {
    return mix(seed ^ (scenarioIndex + 1) * 0x9E3779B97F4A7C15L ^ userId * 0xBF58476D1CE4E5B9L);
  }

  /** The seed of a scenario's arrival schedule. */
  static long forSchedule(long seed, int scenarioIndex) {
    return mix(seed + (scenarioIndex + 1) * 0xD1B54A32D192ED03L);
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
