package dev.loadtest.run;

import java.time.Duration;

/**
 * How the engine runs a plan, beyond what the plan says.
 *
 * @param sampleInterval length of one statistics interval (one point of the timeline)
 * @param progressInterval how often progress is reported to the listener
 * @param gracefulStop time in-flight requests get to finish when the load ends on schedule
 * @param interruptGrace time in-flight requests get when the run is interrupted
 */
public record RunOptions(
    Duration sampleInterval,
    Duration progressInterval,
    Duration gracefulStop,
    Duration interruptGrace) {

  /** One-second points, progress every five seconds, 30 s for slow answers to finish. */
  public static final RunOptions DEFAULT = new RunOptions(
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
}
