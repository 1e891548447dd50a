package dev.loadtest.run;

import dev.loadtest.stats.StatsSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * What a finished run hands to reports.
 *
 * @param stats everything measured
 * @param startedAt when the load started
 * @param endedAt when the last request was recorded
 * @param interrupted true when the user stopped the run (Ctrl-C, SIGTERM)
 * @param abortReason why a threshold stopped the run early, if one did
 * @param abandonedRequests requests still in flight after the grace period, not recorded
 */
public record RunResult(
    StatsSnapshot stats,
    Instant startedAt,
    Instant endedAt,
    boolean interrupted,
    Optional<String> abortReason,
    long abandonedRequests) {}
