package dev.loadtest.stats;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows the load generator's CPU use interval by interval and finds the stretches where it
 * stayed at or above a limit: there the generator, not the target, shapes latencies and rates.
 * The live self-check and the saved results both judge with it, so they agree. A pure state
 * machine fed one reading per interval, in order; not thread-safe.
 */
public final class CpuSaturation {

  /** CPU share of the generator's processors above which it counts as saturated. */
  public static final double DEFAULT_LIMIT = 0.9;
  /** How long the CPU must stay above the limit before it counts. */
  public static final Duration DEFAULT_SUSTAINED = Duration.ofSeconds(10);

  /**
   * Consecutive intervals at or above the limit.
   *
   * @param startNanos start of the first, since the load started
   * @param endNanos end of the last, since the load started
   * @param peakShare the highest reading among them, 0..1
   */
  public record Stretch(long startNanos, long endNanos, double peakShare) {

    public long lengthNanos() {
      return endNanos - startNanos;
    }

    Stretch extendedTo(long newEndNanos, double share) {
      return new Stretch(startNanos, newEndNanos, Math.max(peakShare, share));
    }
  }

  private final double limit;
  private final long sustainedNanos;
  private Stretch current;
  private Stretch longest;

  public CpuSaturation(double limit, Duration sustained) {
    this.limit = limit;
    this.sustainedNanos = sustained.toNanos();
  }

  /** A judge with the default limit and duration. */
  public static CpuSaturation withDefaults() {
    return new CpuSaturation(DEFAULT_LIMIT, DEFAULT_SUSTAINED);
  }

  /**
   * Takes one interval's reading.
   *
   * @param startNanos the interval's start, since the load started
   * @param endNanos the interval's end, since the load started
   * @param share the generator's CPU use in it, 0..1; negative when unknown (counts as below)
   */
  public void observe(long startNanos, long endNanos, double share) {
    if (share < limit) {
      current = null;
      return;
    }
    current = current == null ? new Stretch(startNanos, endNanos, share)
        : current.extendedTo(endNanos, share);
    if (longest == null || current.lengthNanos() > longest.lengthNanos()) {
      longest = current;
    }
  }

  /** The stretch going on now, when it has lasted the sustained time. */
  public Optional<Stretch> sustainedNow() {
    return Optional.ofNullable(current).filter(this::sustained);
  }

  /** The longest stretch so far, when it lasted the sustained time; the first of equals. */
  public Optional<Stretch> longestSustained() {
    return Optional.ofNullable(longest).filter(this::sustained);
  }

  private boolean sustained(Stretch stretch) {
    return stretch.lengthNanos() >= sustainedNanos;
  }

  /** What the reports say about a stretch found after the run. */
  public String describe(Stretch stretch) {
    return String.format(Locale.ROOT, "results may be skewed: the load generator's CPU stayed"
        + " above %s for %d s (from %d s to %d s, peak %.0f%%); latencies and rates include"
        + " its own delays: use fewer users per generator or more generators",
        percent(limit), seconds(stretch.lengthNanos()), seconds(stretch.startNanos()),
        seconds(stretch.endNanos()), stretch.peakShare() * 100);
  }

  /** What the console says while the stretch still goes on. */
  public String describeOngoing(Stretch stretch) {
    return String.format(Locale.ROOT, "the load generator's CPU has stayed above %s for %d s"
        + " so far (peak %.0f%%): latencies and rates may be skewed by the generator itself;"
        + " use fewer users per generator or more generators", percent(limit),
        seconds(stretch.lengthNanos()), stretch.peakShare() * 100);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static long seconds(long nanos) {
    return Math.round(nanos / 1e9);
  }

  @Override
  public String toString() {
    return "CpuSaturation[limit=" + limit + " sustainedNanos=" + sustainedNanos + " current="
        + current + " longest=" + longest + "]";
  }
}
