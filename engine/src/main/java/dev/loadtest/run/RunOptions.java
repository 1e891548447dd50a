package dev.loadtest.run;

import java.time.Duration;
import java.time.Instant;

/**
 * How the engine runs a plan, beyond what the plan says.
 *
 * @param sampleInterval length of one statistics interval (one point of the timeline)
 * @param progressInterval how often progress is reported to the listener
 * @param gracefulStop time in-flight requests get to finish when the load ends on schedule
 * @param interruptGrace time in-flight requests get when the run is interrupted
 * @param warmUp the first part of the run, whose measurements are set apart: a cold JVM and
 *     cold target caches should not decide percentiles
 * @param startAt the wall-clock instant the schedule counts from, so that several workers
 *     start together; empty to start as soon as the target is checked
 */
public record RunOptions(
    Duration sampleInterval,
    Duration progressInterval,
    Duration gracefulStop,
    Duration interruptGrace,
    Duration warmUp,
    java.util.Optional<Instant> startAt) {

  /** One-second points, progress every five seconds, 30 s for slow answers to finish. */
  public static final RunOptions DEFAULT = new RunOptions(Duration.ofSeconds(1),
      Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ZERO,
      java.util.Optional.empty());

  /** Options without a warm-up. */
  public RunOptions(Duration sampleInterval, Duration progressInterval, Duration gracefulStop,
      Duration interruptGrace) {
    this(sampleInterval, progressInterval, gracefulStop, interruptGrace, Duration.ZERO,
        java.util.Optional.empty());
  }

  /** Options that start as soon as the target is checked. */
  public RunOptions(Duration sampleInterval, Duration progressInterval, Duration gracefulStop,
      Duration interruptGrace, Duration warmUp) {
    this(sampleInterval, progressInterval, gracefulStop, interruptGrace, warmUp,
        java.util.Optional.empty());
  }

  /** The same options with a warm-up. */
  public RunOptions withWarmUp(Duration warmUp) {
    return new RunOptions(sampleInterval, progressInterval, gracefulStop, interruptGrace, warmUp,
        startAt);
  }

  /** The same options with a synchronised start at {@code instant}. */
  public RunOptions withStartAt(Instant instant) {
    return new RunOptions(sampleInterval, progressInterval, gracefulStop, interruptGrace, warmUp,
        java.util.Optional.of(instant));
  }
}
