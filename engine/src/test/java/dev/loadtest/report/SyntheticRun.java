package dev.loadtest.report;

import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdScope;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.LatencyHistograms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Writes the saved results of a run that never happened: seeded random latencies, interval by
 * interval, through the same recorder a real run uses. No load, no clock.
 */
final class SyntheticRun {

  static final Instant STARTED = Instant.parse("2025-10-01T09:30:00Z");

  private SyntheticRun() {}

  static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(i == 0 ? "chat, streamed" : "endpoint " + i);
    }
    return names;
  }

  /**
   * Records {@code intervals} one-second intervals of {@code names} request names into
   * {@code directory}, then writes results.json.
   */
  static void write(Path directory, int intervals, List<String> names, int perInterval,
      long seed) throws IOException {
    Random random = new Random(seed);
    List<Histogram> reuse = names.stream().map(n -> LatencyHistograms.newHistogram()).toList();
    ResultsRecorder recorder = new ResultsRecorder(directory, message -> {
      throw new AssertionError(message);
    });
    recorder.start(STARTED.toEpochMilli());
    Map<String, Long> failuresByName = new LinkedHashMap<>();
    for (int i = 0; i < intervals; i++) {
      recorder.onInterval(interval(i, names, reuse, perInterval, random, failuresByName));
    }
    recorder.close();
    ResultsJson.write(directory, document(names, recorder, intervals, failuresByName));
  }

  private static Interval interval(int index, List<String> names, List<Histogram> reuse,
      int perInterval, Random random, Map<String, Long> failuresByName) {
    List<Interval.RequestInterval> requests = new ArrayList<>();
    for (int n = 0; n < names.size(); n++) {
      Histogram latencies = reuse.get(n);
      latencies.reset();
      // Busier and slower names first, so that top-N charts have something to choose.
      int count = Math.max(1, perInterval / (n + 1));
      for (int r = 0; r < count; r++) {
        double millis = Math.exp(3 + n * 0.05 + random.nextGaussian() * 0.6);
        latencies.recordValue((long) (millis * 1e6));
      }
      long failures = random.nextInt(50) == 0 ? 1 : 0;
      failuresByName.merge(names.get(n), failures, Long::sum);
      requests.add(new Interval.RequestInterval(names.get(n), latencies, failures));
    }
    long start = index * 1_000_000_000L;
    IntervalPoint point = new IntervalPoint(start / 1_000_000 + 1000, 0, 0, 0, 0, 0, 0,
        Math.min(50, 5 * (index + 1)));
    return new Interval(start, start + 1_000_000_000L, point, requests);
  }

  private static ResultsDocument document(List<String> names, ResultsRecorder recorder,
      int intervals, Map<String, Long> failuresByName) {
    List<FailureCount> failures = new ArrayList<>();
    failuresByName.forEach((name, count) -> {
      if (count > 0) {
        failures.add(new FailureCount(name, FailureKind.STATUS, "HTTP 500 Server Error",
            count));
      }
    });
    List<IntervalRecord> records = recorder.intervals().stream()
        .map(r -> new IntervalRecord(r.startNanos(), r.endNanos(), r.activeUsers(),
            r.failures(), 0.25, 64L << 20)).toList();
    RunMetadata metadata = new RunMetadata("synthetic", "ab".repeat(32), 42, "test",
        STARTED, STARTED.plusSeconds(intervals), false, java.util.Optional.empty(), 0,
        List.of("run", "-f", "synthetic.yaml", "--out", "out"),
        GeneratorUsage.of(2, 1L << 30, records));
    List<Threshold> thresholds = List.of(
        threshold("latency.p95", new ThresholdScope.AllRequests(), 2000, "2s"),
        threshold("latency.p99", new ThresholdScope.OneRequest(names.get(0), 0), 50, "50ms"),
        new Threshold(ThresholdCodec.metric("errorRate"), new ThresholdScope.AllRequests(),
            Threshold.Comparison.BELOW, 0.05, false, Duration.ZERO, "5%"));
    Map<String, String> methods = new LinkedHashMap<>();
    names.forEach(name -> methods.put(name, name.startsWith("chat") ? "POST" : "GET"));
    return new ResultsDocument(metadata, names, methods, thresholds, failures, records,
        STARTED.toEpochMilli(), intervals * 1_000_000_000L, 0, true);
  }

  private static Threshold threshold(String metric, ThresholdScope scope, double limit,
      String written) {
    return new Threshold(ThresholdCodec.metric(metric), scope, Threshold.Comparison.BELOW,
        limit, false, Duration.ZERO, written);
  }
}
