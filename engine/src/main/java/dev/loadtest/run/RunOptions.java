package dev.loadtest.run;

import java.time.Duration;

/**
 * How the engine runs a plan, beyond what the plan says.
 *
 * @param sampleInterval length of one statistics interval (one point of the timeline)
 * @param progressInterval how often progress is reported to the listener
 * @param gracefulStop time in-flight requests get to finish when the load ends on schedule
 * @param interruptGrace time in-flight requests get when the run is interrupted
 * @param warmUp the first part of the run, whose measurements are set apart: a cold JVM and
 *     cold target caches should not decide percentiles
 */
public record RunOptions(
    Duration sampleInterval,
    Duration progressInterval,
    Duration gracefulStop,
    Duration interruptGrace,
    Duration warmUp) {

  /** One-second points, progress every five seconds, 30 s for slow answers to finish. */
  public static final RunOptions DEFAULT = new RunOptions(Duration.ofSeconds(1),
      Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ZERO);

  /** Options without a warm-up. */
  public RunOptions(Duration sampleInterval, Duration progressInterval, Duration gracefulStop,
      Duration interruptGrace) {
    this(sampleInterval, progressInterval, gracefulStop, interruptGrace, Duration.ZERO);
  }

  /** The same options with a warm-up. */
  public RunOptions withWarmUp(Duration warmUp) {
    return new RunOptions(sampleInterval, progressInterval, gracefulStop, interruptGrace, warmUp);
  }
}
