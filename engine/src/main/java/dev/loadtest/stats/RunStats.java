package dev.loadtest.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Everything a run measures. Recording methods are safe from any thread and wait-free for
 * successes; sampling and snapshots are serialised on this object's monitor and are meant for
 * one sampler thread.
 */
public final class RunStats {

  /** Distinct failure messages kept per request name and kind; later ones are grouped. */
  static final int MAX_MESSAGES_PER_KIND = 50;
  static final String OTHER_MESSAGES = "(other messages)";

  private final RequestStats[] requests;
  private final Map<FailureKey, LongAdder> failureCounts = new ConcurrentHashMap<>();
  private final Map<FailureKey, LongAdder> distinctMessages = new ConcurrentHashMap<>();
  private final LongAdder clampedValues = new LongAdder();
  private final OutcomeCounters outcomes;
  private final List<IntervalPoint> timeline = new ArrayList<>();
  private final Histogram intervalTotal = LatencyHistograms.newHistogram();
  private long lastSampleNanos;

  /** @param requestNames the plan's request names; a request's key indexes this list */
  public RunStats(List<String> requestNames) {
    requests = requestNames.stream().map(RequestStats::new).toArray(RequestStats[]::new);
    outcomes = new OutcomeCounters(requestNames.size());
  }

  /** Counts a response's HTTP status class, for live metrics; one adder increment. */
  public void recordStatus(int statsKey, int status) {
    outcomes.recordStatus(statsKey, status);
  }

  /** Records a request that met every expectation. */
  public void recordSuccess(int statsKey, long latencyNanos) {
    requests[statsKey].record(clamp(latencyNanos), false);
  }

  /** Records a failed request; its latency counts too, as in Locust's statistics. */
  public void recordFailure(int statsKey, long latencyNanos, FailureKind kind, String message) {
    requests[statsKey].record(clamp(latencyNanos), true);
    outcomes.recordFailure(statsKey, kind);
    failureCounts.computeIfAbsent(keyFor(statsKey, kind, message), key -> new LongAdder())
        .increment();
  }

  private FailureKey keyFor(int statsKey, FailureKind kind, String message) {
    FailureKey key = new FailureKey(statsKey, kind, message);
    if (failureCounts.containsKey(key)) {
      return key;
    }
    // Bound memory when every failure carries a different message (ids, timestamps).
    FailureKey perKind = new FailureKey(statsKey, kind, "");
    LongAdder distinct = distinctMessages.computeIfAbsent(perKind, k -> new LongAdder());
    distinct.increment();
    return distinct.sum() <= MAX_MESSAGES_PER_KIND ? key
        : new FailureKey(statsKey, kind, OTHER_MESSAGES);
  }

  private long clamp(long latencyNanos) {
    if (latencyNanos > LatencyHistograms.HIGHEST_TRACKABLE_NANOS) {
      clampedValues.increment();
      return LatencyHistograms.HIGHEST_TRACKABLE_NANOS;
    }
    return Math.max(0, latencyNanos);
  }

  /**
   * Closes the current interval: swaps every recorder, folds the interval into the cumulative
   * statistics and appends a point to the timeline.
   *
   * @param elapsedNanos time since the run started
   * @param activeUsers virtual users active at the end of the interval
   */
  public synchronized Interval sampleInterval(long elapsedNanos, int activeUsers) {
    intervalTotal.reset();
    long failures = 0;
    List<Interval.RequestInterval> perRequest = new ArrayList<>(requests.length);
    for (RequestStats request : requests) {
      RequestStats.IntervalSample sample = request.sample();
      intervalTotal.add(sample.latencies());
      failures += sample.failures();
      perRequest.add(new Interval.RequestInterval(request.name(), sample.latencies(),
          sample.failures()));
    }
    long startNanos = lastSampleNanos;
    long lengthNanos = Math.max(1, elapsedNanos - startNanos);
    lastSampleNanos = elapsedNanos;
    IntervalPoint point = IntervalPoint.of(elapsedNanos, lengthNanos, intervalTotal, failures,
        activeUsers);
    timeline.add(point);
    return new Interval(startNanos, elapsedNanos, point, perRequest, outcomes.snapshot());
  }

  /** Everything measured so far; call {@link #sampleInterval} first to include the latest. */
  public synchronized StatsSnapshot snapshot(Duration elapsed) {
    List<RequestSummary> summaries = new ArrayList<>();
    Histogram all = LatencyHistograms.newHistogram();
    long allFailures = 0;
    for (RequestStats request : requests) {
      Histogram latencies = request.cumulativeCopy();
      summaries.add(new RequestSummary(request.name(), latencies, request.failures()));
      all.add(latencies);
      allFailures += request.failures();
    }
    return new StatsSnapshot(elapsed, summaries, new RequestSummary("Aggregated", all,
        allFailures), failureCounts(), timeline, clampedValues.sum());
  }

  private List<FailureCount> failureCounts() {
    return failureCounts.entrySet().stream()
        .map(entry -> new FailureCount(requests[entry.getKey().statsKey()].name(),
            entry.getKey().kind(), entry.getKey().message(), entry.getValue().sum()))
        .sorted(Comparator.comparingLong(FailureCount::count).reversed()
            .thenComparing(FailureCount::request).thenComparing(FailureCount::message))
        .toList();
  }

  private record FailureKey(int statsKey, FailureKind kind, String message) {}

  @Override
  public String toString() {
    return "RunStats[" + requests.length + " request names, " + timeline.size() + " intervals]";
  }
}
