package dev.loadtest.run;

/**
 * The run's state over the last progress window.
 *
 * @param elapsedMillis time since the load started
 * @param plannedMillis planned length of the load
 * @param activeUsers virtual users active now
 * @param requestsPerSecond completions per second in the window
 * @param p95Millis 95th percentile latency in the window
 * @param totalRequests requests completed since the start
 * @param totalFailures failures since the start
 */
public record ProgressReport(
    long elapsedMillis,
    long plannedMillis,
    int activeUsers,
    double requestsPerSecond,
    double p95Millis,
    long totalRequests,
    long totalFailures) {}
