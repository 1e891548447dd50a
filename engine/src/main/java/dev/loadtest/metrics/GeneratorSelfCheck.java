package dev.loadtest.metrics;

import dev.loadtest.stats.CpuSaturation;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides, while the run goes on, when the load generator itself is the bottleneck: its CPU
 * use stayed above a limit for a sustained time, so measured latencies include the generator's
 * own queueing. The saved results judge the whole run after it with the same
 * {@link CpuSaturation}. Fed one CPU reading per interval; not thread-safe (the sampler thread
 * feeds it).
 */
public final class GeneratorSelfCheck {

  /** CPU share of the generator's processors above which it counts as saturated. */
  public static final double DEFAULT_LIMIT = CpuSaturation.DEFAULT_LIMIT;
  /** How long the CPU must stay above the limit before the warning. */
  public static final Duration DEFAULT_SUSTAINED = CpuSaturation.DEFAULT_SUSTAINED;

  private final CpuSaturation saturation;
  private boolean warned;

  public GeneratorSelfCheck(double limit, Duration sustained) {
    this.saturation = new CpuSaturation(limit, sustained);
  }

  /**
   * Takes one interval's reading and returns the warning the first time the CPU has stayed
   * above the limit for the sustained time; later readings return empty.
   *
   * @param startNanos the interval's start, since the load started
   * @param endNanos the interval's end, since the load started
   * @param cpuShare the process's CPU use in the interval, 0..1 of its processors; negative
   *     when unknown
   */
  public Optional<String> observe(long startNanos, long endNanos, double cpuShare) {
    saturation.observe(startNanos, endNanos, cpuShare);
    Optional<CpuSaturation.Stretch> now = saturation.sustainedNow();
    if (now.isEmpty() || warned) {
      return Optional.empty();
    }
    warned = true;
    return Optional.of(saturation.describeOngoing(now.get()));
  }

  /** True while the CPU has stayed above the limit for the sustained time. */
  public boolean saturated() {
    return saturation.sustainedNow().isPresent();
  }

  /** True once the warning has been given. */
  public boolean warned() {
    return warned;
  }

  @Override
  public String toString() {
    return "GeneratorSelfCheck[" + saturation + " warned=" + warned + "]";
  }
}
