package dev.loadtest.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.report.ResultFiles;
import dev.loadtest.report.SavedRun;
import dev.loadtest.report.SavedRunReader;
import dev.loadtest.stats.CustomMetricsSnapshot;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.LatencyHistograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan run whole and as N workers ({@code run --segment i/N}) against the same real mock on
 * loopback, then merged: the merged results must be the whole run's (arrivals exactly, requests
 * exactly where the plan fixes them), lossless (merged percentiles are those of the workers'
 * histograms added), and judged alike by the thresholds.
 */
class DistributedRunTest {

  /** 60 evenly spaced arrivals over 1.5 s; one threshold that passes, one that cannot. */
  private static final String OPEN_SPEC = """
      name: distributed-open
      seed: 11
      target: {baseUrl: http://127.0.0.1:1}
      preflight: {path: /health}
      load: {arrivalRate: 40, duration: 1500ms, maxConcurrency: 100}
      scenarios:
        - name: browse
          tasks:
            - {name: list, request: {path: /api/items}}
      thresholds:
        - {metric: latency.p95, below: 5s}
        - {metric: latency.p50, below: 1ms}
      """;

  /** Poisson arrivals: the workers' draws must still add up to the whole's sequence. */
  private static final String POISSON_SPEC = OPEN_SPEC.replace("maxConcurrency: 100",
      "maxConcurrency: 100, poisson: true").replace("distributed-open", "distributed-poisson");

  /** Closed model with counts the plan fixes: 7 users sharing 101 iterations, 2 tasks. */
  private static final String CLOSED_SPEC = """
      name: distributed-closed
      seed: 5
      target: {baseUrl: http://127.0.0.1:1}
      preflight: {path: /health}
      load: {users: 7, rampUp: 0s, hold: 20s, sharedIterations: 101}
      scenarios:
        - name: shop
          tasks:
            - {name: list, weight: 3, request: {path: /api/items}}
            - {name: add, weight: 1, request: {method: POST, path: /api/items, json: {id: 1}}}
      thresholds:
        - {metric: errorRate, below: 1%}
      """;

  /**
   * Closed model limited by time, not by a count: 6 paced users each start an iteration every
   * 250 ms for 2.125 s (ticks at 0, 250 .. 2000 ms: 9 each, 54 in all). The 20 ms mock answers
   * well inside the pace and the end falls half a pace from any tick, so the plan fixes the count.
   */
  private static final String PACED_SPEC = """
      name: distributed-paced
      seed: 7
      target: {baseUrl: http://127.0.0.1:1}
      preflight: {path: /health}
      load: {users: 6, rampUp: 0s, hold: 2125ms, pacing: 250ms}
      scenarios:
        - name: chat
          tasks:
            - {name: ask, request: {path: /api/items}}
      thresholds:
        - {metric: errorRate, below: 1%}
      """;

  /**
   * Custom metrics on an open model: each listing counts once and records the mock's echo
   * sequence number into a counter and a labelled histogram, and its path, which is no number,
   * as a missing value. A fresh mock numbers a run's requests from 0, so the whole run and the
   * workers together record the very same values, only in another order. A worker's share (20
   * listings) misses the first threshold, which the whole meets.
   */
  private static final String CUSTOM_SPEC = """
      name: distributed-custom
      seed: 13
      target: {baseUrl: http://127.0.0.1:1}
      preflight: {path: /health}
      load: {arrivalRate: 40, duration: 1500ms, maxConcurrency: 100}
      scenarios:
        - name: browse
          tasks:
            - name: list
              request:
                path: /api/items
                metrics:
                  - {name: items_listed, type: counter}
                  - {name: ids_added, type: counter, jsonPath: $.id}
                  - name: sequence
                    type: histogram
                    jsonPath: $.id
                    buckets: [10, 30]
                    labels: {route: items}
                  - {name: path_number, type: histogram, jsonPath: $.path}
      thresholds:
        - {metric: custom.items_listed.sum, above: 59}
        - {metric: custom.sequence.max, below: 60}
        - {metric: custom.path_number.missing, below: 61}
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path directory;

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(20)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  @Test
  void openModelWorkersSendExactlyTheWholeArrivalsAndMergeLosslessly() throws Exception {
    assertWorkersMatchTheWhole(OPEN_SPEC, 3, 1);
  }

  @Test
  void poissonArrivalsSplitOverAPrimeNumberOfWorkersAddUpToTheWhole() throws Exception {
    assertWorkersMatchTheWhole(POISSON_SPEC, 5, 1);
  }

  @Test
  void closedModelWorkersRunExactlyTheSharedIterationsEvenWithMoreWorkersThanUsers()
      throws Exception {
    assertWorkersMatchTheWhole(CLOSED_SPEC, 9, 0);

    // Workers 8 and 9 have no users: they end at once, not after the 20 s upper bound.
    JsonNode idle = summary(directory.resolve("worker-9"));
    assertThat(total(idle, "requests")).isZero();
    assertThat(idle.get("durationSeconds").asDouble()).isLessThan(10);
  }

  @Test
  void pacedUsersLimitedByTimeSplitOverWorkersSendTheWholeRunsRequests() throws Exception {
    assertWorkersMatchTheWhole(PACED_SPEC, 4, 0);

    assertThat(total(summary(directory.resolve("whole")), "requests")).isEqualTo(54);
  }

  /** Runs whole and segmented (one after the other), merges, compares. */
  private void assertWorkersMatchTheWhole(String yaml, int workers, int expectedExit)
      throws Exception {
    Path spec = write("spec.yaml", yaml);
    Path whole = directory.resolve("whole");
    CommandLineRunner.Outcome wholeRun = run(spec, whole);
    assertThat(wholeRun.exitCode()).as(wholeRun.toString()).isEqualTo(expectedExit);
    long wholeRequestsSeen = mock.requestCount();

    List<String> folders = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      Path out = directory.resolve("worker-" + i);
      CommandLineRunner.Outcome worker = run(spec, out, "--segment", i + "/" + workers);
      assertThat(worker.out()).as(worker.toString()).contains("segment " + i + "/" + workers);
      folders.add(out.toString());
    }
    Path merged = directory.resolve("merged");
    CommandLineRunner.Outcome merge = merge(folders, merged);

    assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(expectedExit);
    JsonNode wholeSummary = summary(whole);
    JsonNode mergedSummary = summary(merged);
    // Each run's preflight reached the mock too: one per process.
    long segmentedRequestsSeen = mock.requestCount() - wholeRequestsSeen - workers;
    assertThat(total(mergedSummary, "requests")).isEqualTo(total(wholeSummary, "requests"))
        .isEqualTo(wholeRequestsSeen - 1).isEqualTo(segmentedRequestsSeen);
    assertThat(arrivals(merged)).isEqualTo(arrivals(whole));
    assertThat(verdicts(mergedSummary)).isEqualTo(verdicts(wholeSummary));
    assertThat(mergedSummary.get("segments").get("missing")).isEmpty();
    assertMergedPercentilesAreThoseOfTheAddedHistograms(folders, merged);
  }

  /** Arrivals sent (one lag value each) plus dropped ones: the open model's whole count. */
  private static long arrivals(Path out) throws IOException {
    SavedRun run = SavedRunReader.read(out);
    return run.stats().generatorLag().getTotalCount() + run.stats().dropped();
  }

  private static void assertMergedPercentilesAreThoseOfTheAddedHistograms(List<String> folders,
      Path merged) throws IOException {
    Histogram union = LatencyHistograms.newHistogram();
    for (String folder : folders) {
      union.add(SavedRunReader.read(Path.of(folder)).stats().total().latencies());
    }
    Histogram mergedTotal = SavedRunReader.read(merged).stats().total().latencies();
    assertThat(mergedTotal.getTotalCount()).isEqualTo(union.getTotalCount()).isPositive();
    for (double percentile : new double[] {0, 50, 90, 95, 99, 99.9, 100}) {
      assertThat(mergedTotal.getValueAtPercentile(percentile)).as("p%s", percentile)
          .isEqualTo(union.getValueAtPercentile(percentile));
    }
    assertThat(mergedTotal).isEqualTo(union);
  }

  @Test
  void mergedCustomMetricsAreTheWholeRunsAndJudgedOnTheWhole() throws Exception {
    Path spec = write("custom.yaml", CUSTOM_SPEC);
    Path whole = directory.resolve("whole");
    CommandLineRunner.Outcome wholeRun = run(spec, whole);
    List<String> folders = new ArrayList<>();
    List<CommandLineRunner.Outcome> workers = new ArrayList<>();
    try (MockServer fresh = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(20)), 0, 0, 1), "127.0.0.1", 0)) {
      for (int i = 1; i <= 3; i++) {
        Path out = directory.resolve("worker-" + i);
        workers.add(CommandLineRunner.run("run", "-f", spec.toString(), "--host",
            fresh.baseUri().toString(), "--out", out.toString(), "--segment", i + "/3"));
        folders.add(out.toString());
      }
    }
    Path merged = directory.resolve("merged");
    CommandLineRunner.Outcome merge = merge(folders, merged);

    assertThat(wholeRun.exitCode()).as(wholeRun.toString()).isZero();
    assertThat(merge.exitCode()).as(merge.toString()).isZero();
    for (CommandLineRunner.Outcome worker : workers) {
      // A share of 20 listings misses "above 59": recorded, reported, yet no failed exit.
      assertThat(worker.exitCode()).as(worker.toString()).isZero();
      assertThat(worker.out()).contains("RESULT: FAILED", "judged this worker's share only");
    }
    assertThat(summary(directory.resolve("worker-2")).get("passed").asBoolean()).isFalse();
    assertThat(summary(directory.resolve("worker-2")).get("exitCode").asInt()).isZero();
    assertThat(verdicts(summary(merged))).isEqualTo(verdicts(summary(whole)));
    assertSameCustomMetrics(merged, whole);
    CustomMetricsSnapshot custom = SavedRunReader.read(merged).stats().custom();
    assertThat(custom.combined("items_listed").orElseThrow().sum()).isEqualTo(60);
    assertThat(custom.combined("ids_added").orElseThrow().sum()).isEqualTo(59 * 60 / 2);
    assertThat(custom.combined("path_number").orElseThrow().missing()).isEqualTo(60);
    assertThat(Files.readString(merged.resolve("report.html"))).contains("ids_added");
  }

  /** Series by series: sums, counts, missing values, extremes, buckets and distributions. */
  private static void assertSameCustomMetrics(Path merged, Path whole) throws IOException {
    List<CustomSeriesValues> mergedSeries = SavedRunReader.read(merged).stats().custom()
        .series();
    List<CustomSeriesValues> wholeSeries = SavedRunReader.read(whole).stats().custom()
        .series();
    assertThat(mergedSeries).hasSameSizeAs(wholeSeries).hasSize(4);
    for (int i = 0; i < wholeSeries.size(); i++) {
      CustomSeriesValues one = mergedSeries.get(i);
      CustomSeriesValues expected = wholeSeries.get(i);
      String series = expected.series().describe();
      assertThat(one.series().describe()).isEqualTo(series);
      assertThat(one.sum()).as(series).isEqualTo(expected.sum());
      assertThat(one.count()).as(series).isEqualTo(expected.count());
      assertThat(one.missing()).as(series).isEqualTo(expected.missing());
      // Boxed, so that "no value" (NaN) equals "no value".
      assertThat(Double.valueOf(one.min())).as(series).isEqualTo(Double.valueOf(expected.min()));
      assertThat(Double.valueOf(one.max())).as(series).isEqualTo(Double.valueOf(expected.max()));
      assertThat(one.bucketCounts()).as(series).containsExactly(expected.bucketCounts());
      assertThat(one.values().getTotalCount()).as(series)
          .isEqualTo(expected.values().getTotalCount());
      for (double percentile : new double[] {0, 10, 50, 90, 99, 100}) {
        assertThat(Double.valueOf(one.percentile(percentile))).as("%s p%s", series, percentile)
            .isEqualTo(Double.valueOf(expected.percentile(percentile)));
      }
    }
  }

  @Test
  void workersStartTogetherAtStartAtAndALateOneSaysSoButSkipsNothing() throws Exception {
    // 160 arrivals over 4 s, so that worker 3 can join while the others are under way.
    Path spec = write("spec.yaml", OPEN_SPEC.replace("duration: 1500ms", "duration: 4s"));
    // Far enough ahead for two cold in-process runs to compile their plans on a busy machine.
    Instant startAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    List<CompletableFuture<CommandLineRunner.Outcome>> onTime = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Path out = directory.resolve("worker-" + i);
      String segment = i + "/3";
      onTime.add(CompletableFuture.supplyAsync(() -> run(spec, out, "--segment", segment,
          "--start-at", startAt.toString())));
    }
    // Worker 3 starts once the other two have sent 30 requests: about 1.1 s behind schedule.
    awaitRequestsSeen(2 + 30, Duration.ofSeconds(30));
    CommandLineRunner.Outcome late = run(spec, directory.resolve("worker-3"), "--segment",
        "3/3", "--start-at", Long.toString(startAt.toEpochMilli()));
    for (CompletableFuture<CommandLineRunner.Outcome> worker : onTime) {
      CommandLineRunner.Outcome outcome = worker.get(60, TimeUnit.SECONDS);
      assertThat(outcome.out()).as(outcome.toString()).doesNotContain("after --start-at");
    }
    assertThat(late.out()).as(late.toString()).contains("after --start-at " + startAt,
        "the schedule still counts from");

    Path merged = directory.resolve("merged");
    CommandLineRunner.Outcome merge = merge(List.of(directory.resolve("worker-1").toString(),
        directory.resolve("worker-2").toString(), directory.resolve("worker-3").toString()),
        merged);

    assertThat(merge.out()).as(merge.toString()).contains("reached --start-at late: worker 3");
    assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(1);
    JsonNode segments = summary(merged).get("segments");
    assertThat(segments.get("startAt").asString()).isEqualTo(startAt.toString());
    assertThat(segments.get("lateStartMillis").get(2).asLong()).isGreaterThan(500);
    // The late worker sent every arrival it owns, the overdue ones at once, and its lag says
    // how late they went out.
    assertThat(arrivals(merged)).isEqualTo(160);
    assertThat(SavedRunReader.read(directory.resolve("worker-3")).stats()
        .lagPercentileMillis(90)).isGreaterThan(300);
    assertThat(Files.readString(merged.resolve("report.html"))).contains("Late start");
  }

  /** Waits until the mock has answered {@code count} requests, at most {@code deadline}. */
  private void awaitRequestsSeen(long count, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (mock.requestCount() < count) {
      assertThat(System.nanoTime()).as("the mock saw %d of %d requests", mock.requestCount(),
          count).isLessThan(end);
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  @Test
  void aMissingWorkerIsAWarningInTheReportAndAFailedVerdict() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);
    List<String> folders = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Path out = directory.resolve("worker-" + i);
      CommandLineRunner.Outcome worker = run(spec, out, "--segment", i + "/3");
      // A worker's own verdict judges its share: holding one worker of three is its design.
      assertThat(worker.exitCode()).as(worker.toString()).isZero();
      folders.add(out.toString());
    }
    Path merged = directory.resolve("merged");
    CommandLineRunner.Outcome merge = merge(folders, merged);

    assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(1);
    assertThat(merge.out()).contains("worker(s) [3] of 3 are missing", "RESULT: FAILED");
    JsonNode summary = summary(merged);
    assertThat(summary.get("passed").asBoolean()).isFalse();
    assertThat(summary.get("segments").get("missing").get(0).asInt()).isEqualTo(3);
    assertThat(Files.readString(merged.resolve("report.html"))).contains("Incomplete",
        "MISSING [3]");
    assertThat(Files.readString(merged.resolve("junit.xml"))).contains("type=\"incomplete\"");
  }

  @Test
  void workersThatCouldNotRunOrNeverWroteAreNamedWhenMergingWhatIsThere() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);
    Path ran = directory.resolve("worker-1");
    assertThat(run(spec, ran, "--segment", "1/3").exitCode()).isZero();
    // Worker 2's target refuses connections: its preflight fails before any load.
    Path refused = directory.resolve("worker-2");
    CommandLineRunner.Outcome failed = CommandLineRunner.run("run", "-f", spec.toString(),
        "--host", "http://127.0.0.1:1", "--out", refused.toString(), "--segment", "2/3");
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
    String reason = Files.readString(refused.resolve(ResultFiles.COULD_NOT_RUN)).strip();
    assertThat(reason).startsWith("preflight GET http://127.0.0.1:1/health failed");
    assertThat(Files.readString(refused.resolve(ResultFiles.RUN_LOG))).contains(reason);
    // Worker 3 never wrote anything (its pod was never scheduled, say).
    List<String> folders = List.of(ran.toString(), refused.toString(),
        directory.resolve("worker-3").toString());
    Path merged = directory.resolve("merged");

    CommandLineRunner.Outcome strict = merge(folders, merged);
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
    assertThat(strict.err()).contains("worker-2 holds no results.json", "--allow-missing");

    List<String> args = new ArrayList<>(List.of("merge", "--allow-missing"));
    args.addAll(folders);
    args.addAll(List.of("--out", merged.toString()));
    CommandLineRunner.Outcome lenient = CommandLineRunner.run(args.toArray(String[]::new));
    assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(1);
    assertThat(lenient.out()).contains("worker-2 left out: the worker could not run: " + reason,
        "worker-3 left out: no such folder", "worker(s) [2, 3] of 3 are missing",
        "RESULT: FAILED");
    assertThat(Files.readString(merged.resolve("report.html"))).contains("MISSING [2, 3]");

    CommandLineRunner.Outcome nothing = CommandLineRunner.run("merge", "--allow-missing",
        refused.toString(), "--out", directory.resolve("empty").toString());
    assertThat(nothing.exitCode()).isEqualTo(3);
    assertThat(nothing.err()).contains("none of the 1 folder(s) holds results");
  }

  @Test
  void foldersOfDifferentRunsAreRefusedWithExitCodeTwo() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);
    Path other = write("other.yaml", CLOSED_SPEC.replace("below: 1%", "below: 2%"));
    run(spec, directory.resolve("w1"), "--segment", "1/2");
    run(spec, directory.resolve("w2"), "--segment", "2/2");
    run(other, directory.resolve("o2"), "--segment", "2/2");
    run(spec, directory.resolve("t2"), "--segment", "2/3");
    run(spec, directory.resolve("whole"));

    // Rows: what is wrong, then the text that must say so.
    Map<List<String>, String> cases = Map.of(
        List.of("w1", "o2"), "different specs",
        List.of("w1", "t2"), "different numbers of workers",
        List.of("w2", "w2copy"), "worker 2 of 2 twice",
        List.of("whole", "w1"), "different numbers of workers");
    copy(directory.resolve("w2"), directory.resolve("w2copy"));
    for (Map.Entry<List<String>, String> row : cases.entrySet()) {
      List<String> folders = row.getKey().stream()
          .map(name -> directory.resolve(name).toString()).toList();
      CommandLineRunner.Outcome merge = merge(folders, directory.resolve("m-" + row.getValue()
          .replace(' ', '-')));
      assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(2);
      assertThat(merge.err()).contains("error: cannot merge: " + row.getValue())
          .doesNotContain("Exception");
    }
  }

  @Test
  void reportFromSeveralFoldersMergesThem() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);
    run(spec, directory.resolve("w1"), "--segment", "1/2");
    run(spec, directory.resolve("w2"), "--segment", "2/2");

    CommandLineRunner.Outcome withoutOut = CommandLineRunner.run("report", "--from",
        directory.resolve("w1").toString(), directory.resolve("w2").toString());
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from",
        directory.resolve("w1").toString(), "--from", directory.resolve("w2").toString(),
        "--out", directory.resolve("merged").toString());

    assertThat(withoutOut.exitCode()).isEqualTo(2);
    assertThat(withoutOut.err()).contains("give --out");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(total(summary(directory.resolve("merged")), "requests")).isEqualTo(101);
  }

  @Test
  void segmentOptionsAreCheckedAndTheIndexedJobFormIsZeroBased() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);

    CommandLineRunner.Outcome outOfRange = run(spec, directory.resolve("a"), "--segment", "4/3");
    CommandLineRunner.Outcome noIndex = run(spec, directory.resolve("b"), "--segments", "3");
    CommandLineRunner.Outcome stale = run(spec, directory.resolve("c"), "--segment", "1/3",
        "--start-at", "2020-01-01T00:00:00Z");
    CommandLineRunner.Outcome badTime = run(spec, directory.resolve("d"), "--segment", "1/3",
        "--start-at", "tomorrow");
    CommandLineRunner.Outcome indexed = CommandLineRunner.run(
        Map.of("JOB_COMPLETION_INDEX", "2"), "run", "-f", spec.toString(), "--host",
        mock.baseUri().toString(), "--out", directory.resolve("e").toString(), "--segments", "3");

    assertThat(outOfRange.exitCode()).isEqualTo(2);
    assertThat(outOfRange.err()).contains("--segment: a segment is I/N with 1 <= I <= N");
    assertThat(noIndex.exitCode()).isEqualTo(2);
    assertThat(noIndex.err()).contains("JOB_COMPLETION_INDEX, which is not set");
    assertThat(stale.exitCode()).isEqualTo(2);
    assertThat(stale.err()).contains("would already be over");
    assertThat(badTime.exitCode()).isEqualTo(2);
    assertThat(badTime.err()).contains("expected an ISO-8601 instant");
    assertThat(indexed.exitCode()).as(indexed.toString()).isZero();
    assertThat(summary(directory.resolve("e")).get("segments").get("workers").get(0).asInt())
        .isEqualTo(3);
  }

  @Test
  void theSegmentMayComeFromTheEnvironmentButNotFromTwoOptions() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);

    CommandLineRunner.Outcome both = run(spec, directory.resolve("a"), "--segment", "1/3",
        "--segments", "3");
    CommandLineRunner.Outcome fromVariable = CommandLineRunner.run(
        Map.of("LOADTEST_SEGMENT", "2/3"), "run", "-f", spec.toString(), "--host",
        mock.baseUri().toString(), "--out", directory.resolve("b").toString());

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--segment and --segments exclude each other");
    assertThat(fromVariable.exitCode()).as(fromVariable.toString()).isZero();
    JsonNode segments = summary(directory.resolve("b")).get("segments");
    assertThat(segments.get("count").asInt()).isEqualTo(3);
    assertThat(segments.get("workers").get(0).asInt()).isEqualTo(2);
  }

  @Test
  void aWorkersLiveMetricsCarryItsNumberAndPushToItsOwnGroup() throws Exception {
    Path spec = write("spec.yaml", CLOSED_SPEC);
    Map<String, String> pushed = new java.util.concurrent.ConcurrentHashMap<>();
    com.sun.net.httpserver.HttpServer gateway = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/", exchange -> {
      pushed.put(exchange.getRequestURI().getPath(),
          new String(exchange.getRequestBody().readAllBytes(), UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    gateway.start();
    try {
      CommandLineRunner.Outcome outcome = CommandLineRunner.run(Map.of("PROMETHEUS_GATEWAY",
          "http://127.0.0.1:" + gateway.getAddress().getPort()), "run", "-f", spec.toString(),
          "--host", mock.baseUri().toString(), "--segment", "2/3", "--run-id", "dist-1");

      assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    } finally {
      gateway.stop(0);
    }
    // Workers share the run_id; each replaces only its own group, and every series says which.
    String page = pushed.get("/metrics/job/loadtest/run_id/dist-1/worker/2");
    assertThat(page).as("pushed groups: %s", pushed.keySet()).isNotNull();
    assertThat(page).contains("loadtest_requests_total{", "worker=\"2\"", "run_id=\"dist-1\"");
  }

  private CommandLineRunner.Outcome run(Path spec, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "-f", spec.toString(), "--host",
        mock.baseUri().toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandLineRunner.run(args.toArray(String[]::new));
  }

  private static CommandLineRunner.Outcome merge(List<String> folders, Path out) {
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(folders);
    args.addAll(List.of("--out", out.toString()));
    return CommandLineRunner.run(args.toArray(String[]::new));
  }

  private static long total(JsonNode summary, String field) {
    return summary.get("totals").get(field).asLong();
  }

  /** Each threshold's name and verdict, in spec order. */
  private static List<String> verdicts(JsonNode summary) {
    List<String> verdicts = new ArrayList<>();
    summary.get("thresholds").forEach(threshold -> verdicts.add(threshold.toString()
        .replaceAll("\"observed\":[^,}]*,?", "")));
    return verdicts;
  }

  private static JsonNode summary(Path out) throws IOException {
    return JSON.readTree(Files.readString(out.resolve("summary.json")));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
