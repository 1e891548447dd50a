package dev.loadtest.stats;

import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.ScoreSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

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

  private final Recorder lagRecorder = LatencyHistograms.newRecorder();
  private final Histogram lagCumulative = LatencyHistograms.newHistogram();
  private Histogram lagReuse;
  private final LongAdder intervalSent = new LongAdder();
  private final LongAdder intervalDropped = new LongAdder();
  private final long[] droppedByScenario;
  private final LongAdder[] droppedAdders;
  /** Created on a name's first LLM answer, so runs without LLM requests pay nothing. */
  private final AtomicReferenceArray<LlmStats> llm;
  private final ScoreSettings scores;
  private final CustomMetrics customMetrics;
  /** Indexed by series key; empty when the plan declares no custom metrics. */
  private final CustomSeriesStats[] custom;
  private final LongAdder intervalArrivals = new LongAdder();

  /** @param requestNames the plan's request names; a request's key indexes this list */
  public RunStats(List<String> requestNames) {
    this(requestNames, false, 1);
  }

  /**
   * @param requestNames the plan's request names; a request's key indexes this list
   * @param tracksServiceTime keep service time apart from latency (open models)
   * @param scenarios how many scenarios may drop arrivals
   */
  public RunStats(List<String> requestNames, boolean tracksServiceTime, int scenarios) {
    this(requestNames, tracksServiceTime, scenarios, ScoreSettings.DEFAULT);
  }

  /**
   * @param requestNames the plan's request names; a request's key indexes this list
   * @param tracksServiceTime keep service time apart from latency (open models)
   * @param scenarios how many scenarios may drop arrivals
   * @param scores what the scores count as good, carried into the snapshot
   */
  public RunStats(List<String> requestNames, boolean tracksServiceTime, int scenarios,
      ScoreSettings scores) {
    this(requestNames, tracksServiceTime, scenarios, scores, CustomMetrics.NONE);
  }

  /**
   * @param requestNames the plan's request names; a request's key indexes this list
   * @param tracksServiceTime keep service time apart from latency (open models)
   * @param scenarios how many scenarios may drop arrivals
   * @param scores what the scores count as good, carried into the snapshot
   * @param customMetrics the series requests record into; a series' key indexes them
   */
  public RunStats(List<String> requestNames, boolean tracksServiceTime, int scenarios,
      ScoreSettings scores, CustomMetrics customMetrics) {
    this.scores = scores;
    this.customMetrics = customMetrics;
    this.custom = customMetrics.series().stream().map(CustomSeriesStats::new)
        .toArray(CustomSeriesStats[]::new);
    llm = new AtomicReferenceArray<>(requestNames.size());
    requests = requestNames.stream().map(name -> new RequestStats(name, tracksServiceTime))
        .toArray(RequestStats[]::new);
    droppedByScenario = new long[scenarios];
    droppedAdders = new LongAdder[scenarios];
    for (int i = 0; i < scenarios; i++) {
      droppedAdders[i] = new LongAdder();
    }
    outcomes = new OutcomeCounters(requestNames.size());
  }

  /** Counts a response's HTTP status class, for live metrics; one adder increment. */
  public void recordStatus(int statsKey, int status) {
    outcomes.recordStatus(statsKey, status);
  }

  /** Counts a request as sent now: throughput is bucketed by send time. */
  public void recordSent() {
    intervalSent.increment();
  }

  /** Records how late an intended start was actually sent, in nanoseconds. */
  public void recordLag(long lagNanos) {
    lagRecorder.recordValue(clamp(lagNanos));
  }

  /** Counts an arrival an open model scheduled, whether it starts, waits or is dropped. */
  public void recordArrival() {
    intervalArrivals.increment();
  }

  /** Records a value into a custom-metric series: counters add it, histograms keep it. */
  public void recordCustom(int seriesKey, double value) {
    custom[seriesKey].record(value);
  }

  /** Counts a response that lacked a custom metric's value. */
  public void recordCustomMissing(int seriesKey) {
    custom[seriesKey].recordMissing();
  }

  /** Counts an arrival that could not start because the scenario's concurrency cap was hit. */
  public void recordDropped(int scenarioIndex) {
    droppedAdders[scenarioIndex].increment();
    intervalDropped.increment();
  }

  /** Records the time a request spent on the wire, when latency counts from before it. */
  public void recordServiceTime(int statsKey, long serviceNanos) {
    requests[statsKey].recordServiceTime(clamp(serviceNanos));
  }

  /** Records a latency corrected for coordinated omission against the pacing interval. */
  public void recordCorrected(int statsKey, long latencyNanos, long expectedIntervalNanos,
      boolean failed) {
    requests[statsKey].recordCorrected(clamp(latencyNanos), expectedIntervalNanos, failed);
  }

  /** Records a request that met every expectation. */
  public void recordSuccess(int statsKey, long latencyNanos) {
    requests[statsKey].record(clamp(latencyNanos), false);
  }

  /** Records a failed request; its latency counts too, as in Locust's statistics. */
  public void recordFailure(int statsKey, long latencyNanos, FailureKind kind, String message) {
    requests[statsKey].record(clamp(latencyNanos), true);
    countFailure(statsKey, kind, message);
  }

  /** Counts a failure whose latency {@link #recordCorrected} has already recorded. */
  public void recordFailureOnly(int statsKey, FailureKind kind, String message) {
    countFailure(statsKey, kind, message);
  }

  /** Records the gap between two content chunks of a streamed answer, in nanoseconds. */
  public void recordInterTokenGap(int statsKey, long gapNanos) {
    llmStats(statsKey).recordGap(clamp(gapNanos));
  }

  /** Records a complete, well-formed LLM answer. */
  public void recordLlm(int statsKey, LlmMeasurement answer) {
    llmStats(statsKey).record(answer);
  }

  private LlmStats llmStats(int statsKey) {
    LlmStats stats = llm.get(statsKey);
    if (stats == null) {
      llm.compareAndSet(statsKey, null, new LlmStats(requests[statsKey].name()));
      stats = llm.get(statsKey);
    }
    return stats;
  }

  private void countFailure(int statsKey, FailureKind kind, String message) {
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
    lagReuse = lagRecorder.getIntervalHistogram(lagReuse);
    lagCumulative.add(lagReuse);
    for (int i = 0; i < droppedAdders.length; i++) {
      droppedByScenario[i] += droppedAdders[i].sumThenReset();
    }
    IntervalPoint point = IntervalPoint.of(elapsedNanos, lengthNanos, intervalTotal, failures,
        activeUsers, new IntervalPoint.Load(intervalSent.sumThenReset(),
            intervalDropped.sumThenReset(), lagReuse, intervalArrivals.sumThenReset()));
    timeline.add(point);
    List<LlmSummary> llmInterval = new ArrayList<>();
    for (int key = 0; key < llm.length(); key++) {
      LlmStats stats = llm.get(key);
      if (stats != null) {
        llmInterval.add(stats.sample());
      }
    }
    List<CustomSeriesValues> customInterval = new ArrayList<>(custom.length);
    for (CustomSeriesStats series : custom) {
      customInterval.add(series.sample());
    }
    return new Interval(startNanos, elapsedNanos, point, perRequest, outcomes.snapshot(),
        llmInterval, customInterval);
  }

  /**
   * Sets the warm-up apart: returns what was measured so far and starts measuring afresh. Live
   * counters for metrics keep counting; the report's statistics restart here.
   */
  public synchronized StatsSnapshot discardWarmUp(Duration elapsed) {
    StatsSnapshot warmUp = snapshot(elapsed);
    for (RequestStats request : requests) {
      request.discardSoFar();
    }
    failureCounts.clear();
    distinctMessages.clear();
    lagReuse = lagRecorder.getIntervalHistogram(lagReuse);
    lagCumulative.reset();
    java.util.Arrays.fill(droppedByScenario, 0);
    for (LongAdder adder : droppedAdders) {
      adder.reset();
    }
    for (CustomSeriesStats series : custom) {
      series.discardSoFar();
    }
    // The timeline keeps the warm-up: charts show the whole run, totals leave it out.
    return warmUp;
  }

  /** Everything measured so far; call {@link #sampleInterval} first to include the latest. */
  public synchronized StatsSnapshot snapshot(Duration elapsed) {
    List<RequestSummary> summaries = new ArrayList<>();
    Histogram all = LatencyHistograms.newHistogram();
    long allFailures = 0;
    for (RequestStats request : requests) {
      Histogram latencies = request.cumulativeCopy();
      summaries.add(new RequestSummary(request.name(), latencies, request.failures(),
          request.serviceTimesCopy(), request.corrections()));
      all.add(latencies);
      allFailures += request.failures();
    }
    Histogram allService = LatencyHistograms.newHistogram();
    summaries.forEach(summary -> allService.add(summary.serviceLatencies()));
    long allCorrections = summaries.stream().mapToLong(RequestSummary::corrections).sum();
    return new StatsSnapshot(elapsed, summaries, new RequestSummary("Aggregated", all,
        allFailures, allService, allCorrections), failureCounts(), timeline, clampedValues.sum(),
        lagCumulative.copy(), java.util.Arrays.stream(droppedByScenario).sum(), llmSnapshot(),
        customSnapshot());
  }

  private CustomMetricsSnapshot customSnapshot() {
    if (custom.length == 0) {
      return CustomMetricsSnapshot.EMPTY;
    }
    return new CustomMetricsSnapshot(customMetrics,
        java.util.Arrays.stream(custom).map(CustomSeriesStats::cumulative).toList());
  }

  private LlmSnapshot llmSnapshot() {
    List<LlmSummary> summaries = new ArrayList<>();
    LlmSummary total = LlmSummary.empty("Aggregated");
    for (int key = 0; key < llm.length(); key++) {
      LlmStats stats = llm.get(key);
      if (stats != null) {
        LlmSummary summary = stats.cumulative();
        summaries.add(summary);
        total = total.plus(summary, total.name());
      }
    }
    return new LlmSnapshot(summaries, total, scores);
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
