package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.CustomSeries;
import dev.loadtest.plan.ScoreSettings;
import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdScope;
import dev.loadtest.stats.CustomHistograms;
import dev.loadtest.stats.CustomMetricsSnapshot;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.LatencyHistograms;
import dev.loadtest.stats.LlmSnapshot;
import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import dev.loadtest.stats.StatsSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging saved worker folders written through the recorder a run uses, with exact values and
 * start instants chosen by the test: no load, no clock.
 */
class RunMergerTest {

  private static final Instant START = Instant.parse("2026-12-03T20:00:00Z");
  private static final List<String> NAMES = List.of("list", "agents status");

  @TempDir
  Path directory;

  @Test
  void workerIntervalsLandInTheWallClockSecondTheyBeganIn() throws Exception {
    // Worker 1 starts at 20:00:00.000, worker 2 at 20:00:01.500; three 1 s intervals each.
    Path first = worker(1, START, 5, 10, 2, 0);
    Path second = worker(2, START.plusMillis(1500), 7, 20, 3, 4);
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.Merged merged = RunMerger.merge(List.of(second, first), out, List.of("merge"));
    SavedRun run = SavedRunReader.read(out);

    // Seconds 0..3: worker 1 in 0, 1, 2; worker 2's intervals began at 1.5, 2.5 and 3.5 s.
    assertThat(run.intervals()).extracting(IntervalRecord::activeUsers)
        .containsExactly(5, 12, 12, 7);
    assertThat(run.series().requests(0)).containsExactly(10, 30, 30, 20);
    assertThat(merged.document().logBaseMillis()).isEqualTo(START.toEpochMilli());
    assertThat(merged.document().elapsedNanos()).isEqualTo(4_500_000_000L);
    assertThat(merged.warnings()).isEmpty();
    assertThat(merged.document().metadata().segments().workers()).containsExactly(1, 2);
  }

  @Test
  void secondsWithoutRequestsBetweenWorkersReadBack() throws Exception {
    // Worker 2 starts 5 s after worker 1: merged seconds 3 and 4 hold no request at all.
    Path first = worker(1, START, 5, 10, 0, 0);
    Path second = worker(2, START.plusSeconds(5), 7, 20, 0, 0);
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.merge(List.of(first, second), out, List.of("merge"));
    SavedRun run = SavedRunReader.read(out);

    assertThat(run.series().requests(0)).containsExactly(10, 10, 10, 0, 0, 20, 20, 20);
    assertThat(run.stats().total().requests()).isEqualTo(2 * 3 * (10 + 20));
    assertThat(run.series().history().get(7).requests()).isEqualTo(2 * 3 * (10 + 20));
  }

  @Test
  void countersSumAndPercentilesAreThoseOfEveryValueRecorded() throws Exception {
    Path first = worker(1, START, 5, 10, 2, 0);
    Path second = worker(2, START.plusMillis(300), 7, 20, 3, 4);
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.merge(List.of(first, second), out, List.of("merge"));
    SavedRun run = SavedRunReader.read(out);

    Histogram union = LatencyHistograms.newHistogram();
    union.add(latencies(10, 3));
    union.add(latencies(20, 3));
    assertThat(run.stats().request(0).latencies()).isEqualTo(union);
    assertThat(run.stats().total().requests()).isEqualTo(2 * union.getTotalCount());
    assertThat(run.stats().failures()).containsExactly(
        new FailureCount("list", FailureKind.STATUS, "HTTP 500", 5));
    assertThat(run.stats().dropped()).isEqualTo(4);
    assertThat(run.stats().generatorLag().getTotalCount()).isEqualTo(2 * 3 * 10 + 2 * 3 * 20);
  }

  @Test
  void aMergeMissingAWorkerSaysWhichAndCannotPass() throws Exception {
    Path first = worker(1, START, 5, 10, 0, 0);
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.Merged merged = RunMerger.merge(List.of(first), out, List.of("merge"));
    SavedRun run = SavedRunReader.read(out);

    assertThat(merged.warnings()).containsExactly("incomplete: the results of worker(s) [2] of"
        + " 2 are missing, so the totals cover only worker 1 of 2 and the run cannot pass");
    assertThat(ReportSet.passed(run, ReportSet.verdicts(run))).isFalse();
    // The worker's own folder holds its share by design: it may pass on its own.
    SavedRun own = SavedRunReader.read(first);
    assertThat(ReportSet.passed(own, ReportSet.verdicts(own))).isTrue();
  }

  @Test
  void llmResultsAndCustomMetricsAddUpAcrossWorkers() throws Exception {
    Path first = worker(1, START, 5, 10, 0, 0);
    Path second = worker(2, START.plusMillis(300), 7, 20, 0, 0);
    LlmResults.write(first, llm(3, 40));
    LlmResults.write(second, llm(4, 90));
    CustomMetricResults.write(first, custom(List.of(1.0, 2.0, 40.0), 1));
    CustomMetricResults.write(second, custom(List.of(0.5, 7.0), 2));
    Path out = Files.createDirectories(directory.resolve("merged"));

    RunMerger.merge(List.of(first, second), out, List.of("merge"));
    StatsSnapshot merged = SavedRunReader.read(out).stats();

    LlmSummary list = merged.llm().request("list");
    Histogram ttft = LatencyHistograms.newHistogram();
    ttft.add(llm(3, 40).request("list").ttft());
    ttft.add(llm(4, 90).request("list").ttft());
    assertThat(list.ttft()).isEqualTo(ttft);
    assertThat(list.totals().requests()).isEqualTo(7);
    assertThat(list.totals().outputTokens()).isEqualTo(3 * 40 + 4 * 90);
    assertThat(merged.llm().total().totals().costPicoUsd()).isEqualTo(7 * 1_000);

    // Counter: one per response; histogram: every value, extremes and buckets of both.
    CustomSeriesValues counter = merged.custom().combined("responses").orElseThrow();
    assertThat(counter.sum()).isEqualTo(8);
    CustomSeriesValues sizes = merged.custom().combined("answer_size").orElseThrow();
    assertThat(sizes.count()).isEqualTo(5);
    assertThat(sizes.sum()).isEqualTo(50.5);
    assertThat(sizes.missing()).isEqualTo(3);
    assertThat(sizes.min()).isEqualTo(0.5);
    assertThat(sizes.max()).isEqualTo(40.0);
    assertThat(sizes.bucketCounts()).containsExactly(2, 2, 1);
    assertThat(sizes.values().getTotalCount()).isEqualTo(5);
    assertThat(sizes.percentile(50)).isCloseTo(2.0, org.assertj.core.data.Percentage
        .withPercentage(1));
    assertThat(merged.custom().series()).extracting(values -> values.series().describe())
        .containsExactly("responses", "answer_size{model=\"small\"}");
  }

  /** One LLM request name, "list": {@code answers} answers of {@code tokens} output tokens. */
  private static LlmSnapshot llm(int answers, int tokens) {
    LlmSummary summary = LlmSummary.empty("list");
    for (int i = 0; i < answers; i++) {
      summary.ttft().recordValue((100L + i) * 1_000_000);
      summary.outputTokens().recordValue(tokens);
    }
    LlmSummary list = new LlmSummary("list", summary.ttft(), summary.interToken(),
        summary.timePerOutputToken(), summary.milliTokensPerSecond(), summary.outputTokens(),
        new LlmTotals(answers, 10L * answers, (long) tokens * answers, 0, 0, answers, 0,
            1_000L * answers, 0, 0, answers));
    return new LlmSnapshot(List.of(list), list, ScoreSettings.DEFAULT);
  }

  /**
   * A counter of responses and a histogram of sizes (buckets 1 and 10) holding
   * {@code values}, with {@code missing} responses that had no size.
   */
  private static CustomMetricsSnapshot custom(List<Double> values, long missing) {
    CustomMetric responses = new CustomMetric("responses", CustomMetric.Kind.COUNTER, "", "",
        List.of());
    CustomMetric sizes = new CustomMetric("answer_size", CustomMetric.Kind.HISTOGRAM, "kB", "",
        List.of(1.0, 10.0));
    CustomSeries counter = new CustomSeries(0, responses, Map.of());
    CustomSeries histogram = new CustomSeries(1, sizes, Map.of("model", "small"));
    DoubleHistogram recorded = CustomHistograms.newHistogram();
    long[] buckets = new long[3];
    for (double value : values) {
      recorded.recordValue(value);
      buckets[value <= 1 ? 0 : value <= 10 ? 1 : 2]++;
    }
    double sum = values.stream().mapToDouble(Double::doubleValue).sum();
    return new CustomMetricsSnapshot(new CustomMetrics(List.of(responses, sizes),
        List.of(counter, histogram)), List.of(
        new CustomSeriesValues(counter, values.size() + missing, values.size() + missing, 0,
            1, 1, CustomHistograms.newHistogram(), new long[0]),
        new CustomSeriesValues(histogram, sum, values.size(), missing,
            values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
            values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), recorded,
            buckets)));
  }

  /**
   * Writes worker {@code index} of 2: three one-second intervals, each with {@code perInterval}
   * values of each name from 10, 20 and 30 ms on, {@code users} users,
   * {@code failures} status failures of "list" and {@code dropped} dropped arrivals.
   */
  private Path worker(int index, Instant start, int users, int perInterval, long failures,
      long dropped) throws IOException {
    Path folder = Files.createDirectories(directory.resolve("worker-" + index));
    ResultsRecorder recorder = new ResultsRecorder(folder, message -> {
      throw new AssertionError(message);
    });
    recorder.start(start.toEpochMilli());
    Histogram lag = LatencyHistograms.newHistogram();
    for (int i = 0; i < 3; i++) {
      List<Interval.RequestInterval> requests = new ArrayList<>();
      for (String name : NAMES) {
        Histogram values = intervalValues(perInterval, i);
        requests.add(new Interval.RequestInterval(name, values,
            name.equals("list") && i == 0 ? failures : 0));
        lag.recordValueWithCount(1_000, perInterval);
      }
      long startNanos = i * 1_000_000_000L;
      recorder.onInterval(new Interval(startNanos, startNanos + 1_000_000_000L,
          new IntervalPoint(startNanos / 1_000_000 + 1000, 0, 0, 0, 0, 0, 0, users), requests));
    }
    recorder.close();
    RunSegments segments = new RunSegments(2, List.of(index), Optional.empty(), List.of(0L),
        false);
    RunMetadata metadata = new RunMetadata("merge-test", "cd".repeat(32), 7, "test", start,
        start.plusSeconds(3), false, Optional.empty(), 0, List.of("run"),
        GeneratorUsage.of(2, 1L << 30, recorder.intervals()), segments);
    List<FailureCount> failureCounts = failures == 0 ? List.of()
        : List.of(new FailureCount("list", FailureKind.STATUS, "HTTP 500", failures));
    ResultsJson.write(folder, new ResultsDocument(metadata, NAMES,
        Map.of("list", "GET", "agents status", "GET"), List.of(threshold()), failureCounts,
        recorder.intervals(), start.toEpochMilli(), 3_000_000_000L, 0, true, lag, dropped));
    return folder;
  }

  /** Interval {@code i}'s values: {@code perInterval} of them, 1 ms apart from 10 ms (i+1). */
  private static Histogram intervalValues(int perInterval, int i) {
    Histogram values = LatencyHistograms.newHistogram();
    for (int v = 0; v < perInterval; v++) {
      values.recordValue((10L * (i + 1) + v) * 1_000_000);
    }
    return values;
  }

  /** The values of the first {@code intervals} intervals together. */
  private static Histogram latencies(int perInterval, int intervals) {
    Histogram values = LatencyHistograms.newHistogram();
    for (int i = 0; i < intervals; i++) {
      values.add(intervalValues(perInterval, i));
    }
    return values;
  }

  private static Threshold threshold() {
    return new Threshold(ThresholdCodec.metric("latency.p99"), new ThresholdScope.AllRequests(),
        Threshold.Comparison.BELOW, 5000, false, Duration.ZERO, "5s");
  }
}
