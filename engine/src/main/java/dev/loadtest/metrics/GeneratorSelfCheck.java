package dev.loadtest.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides when the load generator itself is the bottleneck: its CPU use stayed above a limit
 * for a sustained time, so measured latencies include the generator's own queueing. A pure
 * state machine fed one CPU reading per interval; not thread-safe (the sampler thread feeds it).
 */
public final class GeneratorSelfCheck {

  /** CPU share of all cores above which the generator counts as saturated. */
  public static final double DEFAULT_LIMIT = 0.9;
  /** How long the CPU must stay above the limit before the warning. */
  public static final Duration DEFAULT_SUSTAINED = Duration.ofSeconds(10);

  private final double limit;
  private final long sustainedNanos;
  private long aboveSinceNanos = -1;
  private boolean warned;
  private boolean saturated;

  public GeneratorSelfCheck(double limit, Duration sustained) {
    this.limit = limit;
    this.sustainedNanos = sustained.toNanos();
  }

  /**
   * Takes one reading and returns the warning the first time the CPU has stayed above the limit
   * for the sustained time; later readings return empty.
   *
   * @param elapsedNanos time since the load started
   * @param cpuRatio the process's CPU use, 0..1 of all cores; negative when unknown
   */
  public Optional<String> observe(long elapsedNanos, double cpuRatio) {
    if (cpuRatio < limit) {
      aboveSinceNanos = -1;
      saturated = false;
      return Optional.empty();
    }
    if (aboveSinceNanos < 0) {
      aboveSinceNanos = elapsedNanos;
    }
    saturated = elapsedNanos - aboveSinceNanos >= sustainedNanos;
    if (!saturated || warned) {
      return Optional.empty();
    }
    warned = true;
    return Optional.of(String.format(Locale.ROOT, "the load generator's CPU stayed above %.0f%%"
        + " for %d s: latencies and rates may be skewed by the generator itself; use fewer"
        + " users per generator or more generators", limit * 100, sustainedNanos / 1_000_000_000));
  }

  /** True while the CPU has stayed above the limit for the sustained time. */
  public boolean saturated() {
    return saturated;
  }

  /** True once the warning has been given. */
  public boolean warned() {
    return warned;
  }

  @Override
  public String toString() {
    return "GeneratorSelfCheck[limit=" + limit + " saturated=" + saturated + " warned=" + warned
        + "]";
  }
}
