package dev.loadtest.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report says about a run besides its measurements. Immutable.
 *
 * @param name the spec's name
 * @param specSha256 hash of the spec files and overrides
 * @param seed the seed of the run's random choices
 * @param version the loadtest version that ran it
 * @param startedAt when the load started
 * @param endedAt when the last request was recorded
 * @param interrupted true when the user stopped the run
 * @param abortReason why a threshold stopped the run early, if one did
 * @param abandonedRequests requests still in flight at the end, in no count
 * @param commandLine the arguments of the {@code loadtest} command that ran it
 * @param generator what the load generator itself used
 * @param segments which workers' shares of a segmented run these results hold
 * @param warnings what may have skewed the results or the user should know, one sentence
 *     each: the generator's saturation, its lag, late starts, monitors that failed; in a
 *     merged run each is prefixed with its worker
 */
public record RunMetadata(
    String name,
    String specSha256,
    long seed,
    String version,
    Instant startedAt,
    Instant endedAt,
    boolean interrupted,
    Optional<String> abortReason,
    long abandonedRequests,
    List<String> commandLine,
    GeneratorUsage generator,
    RunSegments segments,
    List<String> warnings) {

  public RunMetadata {
    commandLine = List.copyOf(commandLine);
    warnings = List.copyOf(warnings);
  }

  /** Metadata without warnings. */
  public RunMetadata(String name, String specSha256, long seed, String version,
      Instant startedAt, Instant endedAt, boolean interrupted, Optional<String> abortReason,
      long abandonedRequests, List<String> commandLine, GeneratorUsage generator,
      RunSegments segments) {
    this(name, specSha256, seed, version, startedAt, endedAt, interrupted, abortReason,
        abandonedRequests, commandLine, generator, segments, List.of());
  }

  /** The same metadata with {@code newWarnings} instead of its own. */
  public RunMetadata withWarnings(List<String> newWarnings) {
    return new RunMetadata(name, specSha256, seed, version, startedAt, endedAt, interrupted,
        abortReason, abandonedRequests, commandLine, generator, segments, newWarnings);
  }

  /** Metadata of a whole run by one process. */
  public RunMetadata(String name, String specSha256, long seed, String version,
      Instant startedAt, Instant endedAt, boolean interrupted, Optional<String> abortReason,
      long abandonedRequests, List<String> commandLine, GeneratorUsage generator) {
    this(name, specSha256, seed, version, startedAt, endedAt, interrupted, abortReason,
        abandonedRequests, commandLine, generator, RunSegments.WHOLE);
  }
}
