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
 * interval, through the same recorder and {@code results.json} writer a real run uses. No
 * load, no clock. For tests, and for {@code bench/report.sh}, which runs
 * {@code java -cp loadtest.jar dev.loadtest.report.SyntheticRun DIR [SECONDS [NAMES
 * [BUSIEST_PER_SECOND [SEED]]]]}. Stateless.
 */
public final class SyntheticRun {

  static final Instant STARTED = Instant.parse("2025-10-01T09:30:00Z");

  private SyntheticRun() {}

  /**
   * What to synthesise.
   *
   * @param intervals one-second intervals
   * @param names request names; the n-th (from 0) gets {@code busiestPerInterval / (n + 1)}
   *     requests per interval, at least one
   * @param busiestPerInterval requests per interval of the first name
   * @param slowShare share of requests that take 1 s to 10 s instead of tens of milliseconds,
   *     as a target's occasional stalls; 0 draws no random number for it
   * @param seed seeds every random draw, so that equal shapes write equal files
   */
  public record Shape(int intervals, List<String> names, int busiestPerInterval,
      double slowShare, long seed) {

    public Shape {
      names = List.copyOf(names);
    }
  }

  /**
   * Writes a one-hour run by default: {@code DIR [SECONDS [NAMES [BUSIEST_PER_SECOND
   * [SEED]]]]}, with one request in 500 slow.
   */
  public static void main(String[] args) throws IOException {
    Shape shape;
    try {
      if (args.length < 1 || args.length > 5) {
        throw new NumberFormatException(args.length + " arguments");
      }
      shape = new Shape(argument(args, 1, 3600), names(argument(args, 2, 50)),
          argument(args, 3, 100), 0.002, argument(args, 4, 1));
    } catch (NumberFormatException e) {
      System.err.println("usage: SyntheticRun DIR [SECONDS [NAMES [BUSIEST_PER_SECOND [SEED]]]]"
          + " (" + e.getMessage() + ")");
      System.exit(2);
      return;
    }
    write(java.nio.file.Files.createDirectories(Path.of(args[0])), shape);
  }

  private static int argument(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** {@code count} request names; the first has a space and a comma, as names may. */
  public static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(i == 0 ? "chat, streamed" : "endpoint " + i);
    }
    return names;
  }

  /** A shape without slow requests. */
  static void write(Path directory, int intervals, List<String> names, int perInterval,
      long seed) throws IOException {
    write(directory, new Shape(intervals, names, perInterval, 0, seed));
  }

  /**
   * Records the shape's intervals into {@code directory} (the interval log), then writes
   * results.json.
   */
  public static void write(Path directory, Shape shape) throws IOException {
    Latencies latencies = new Latencies(shape.seed(), shape.slowShare());
    List<String> names = shape.names();
    List<Histogram> reuse = names.stream().map(n -> LatencyHistograms.newHistogram()).toList();
    ResultsRecorder recorder = new ResultsRecorder(directory, message -> {
      throw new java.io.UncheckedIOException(new IOException(message));
    });
    recorder.start(STARTED.toEpochMilli());
    Map<String, Long> failuresByName = new LinkedHashMap<>();
    for (int i = 0; i < shape.intervals(); i++) {
      recorder.onInterval(interval(i, names, reuse, shape.busiestPerInterval(), latencies,
          failuresByName));
    }
    recorder.close();
    ResultsJson.write(directory, document(names, recorder, shape.intervals(), failuresByName));
  }

  /** Two random sources, so that slow requests leave the other draws as they were. */
  private static final class Latencies {

    private final Random random;
    private final Random slow;
    private final double slowShare;

    Latencies(long seed, double slowShare) {
      this.random = new Random(seed);
      this.slow = new Random(~seed);
      this.slowShare = slowShare;
    }

    /** Log-normal around 20 ms, slower for later names; now and then 1 s to 10 s. */
    long nextNanos(int nameIndex) {
      double millis = Math.exp(3 + nameIndex * 0.05 + random.nextGaussian() * 0.6);
      if (slowShare > 0 && slow.nextDouble() < slowShare) {
        millis = 1000 + slow.nextDouble() * 9000;
      }
      return (long) (millis * 1e6);
    }

    boolean nextFailed() {
      return random.nextInt(50) == 0;
    }
  }

  private static Interval interval(int index, List<String> names, List<Histogram> reuse,
      int perInterval, Latencies random, Map<String, Long> failuresByName) {
    List<Interval.RequestInterval> requests = new ArrayList<>();
    for (int n = 0; n < names.size(); n++) {
      Histogram latencies = reuse.get(n);
      latencies.reset();
      // Busier and slower names first, so that top-N charts have something to choose.
      int count = Math.max(1, perInterval / (n + 1));
      for (int r = 0; r < count; r++) {
        latencies.recordValue(random.nextNanos(n));
      }
      long failures = random.nextFailed() ? 1 : 0;
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
