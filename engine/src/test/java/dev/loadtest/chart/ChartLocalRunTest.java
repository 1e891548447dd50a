package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.cli.CommandLineRunner;
import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.report.SavedRun;
import dev.loadtest.report.SavedRunReader;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's whole path on this machine: a release of three workers rendered by a real helm,
 * each Job's command line resolved as the kubelet and the CLI resolve it, then run with the
 * real CLI against a mock on loopback, the workers at once as their pods would. The merge step's
 * result must be the one a single process running the whole plan gives.
 *
 * <p>Only what a pod has and this machine has not is mapped: each mount to a local folder (the
 * results claim to one folder that every pod shares), and the metrics listener, which each pod
 * opens on its own address, to a free port on loopback.
 */
class ChartLocalRunTest {

  private static final int WORKERS = 3;

  /** 60 evenly spaced arrivals over 1.5 s; one threshold that passes, one that cannot. */
  private static final String SPEC = """
      name: chart-local-run
      seed: 17
      target: {baseUrl: "${LOAD_TEST_HOST}"}
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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path folder;

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
  void theRenderedCommandLinesRunHereAndMergeIntoWhatTheWholePlanGives() throws Exception {
    // Far enough ahead for helm to render and three cold in-process runs to get ready.
    Instant startAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    RenderedRelease release = HelmChart.render(values(startAt), Map.of());
    Path pods = folder.resolve("pods");
    List<ContainerCommandLine> workers = new ArrayList<>();
    for (int index = 0; index < WORKERS; index++) {
      workers.add(ContainerCommandLine.of(release, release.find("Job", "workers"), "worker",
          Map.of(ContainerCommandLine.COMPLETION_INDEX, String.valueOf(index)), pods));
    }
    ContainerCommandLine merge = ContainerCommandLine.of(release, release.find("Job", "merge"),
        "merge", Map.of(), pods);

    // One thread per worker, as each has its pod: the common pool may have a single thread.
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<CommandLineRunner.Outcome>> running = new ArrayList<>();
      for (ContainerCommandLine worker : workers) {
        running.add(pool.submit(() -> CommandLineRunner.run(worker.environment(),
            onLoopback(worker))));
      }
      for (int i = 0; i < WORKERS; i++) {
        CommandLineRunner.Outcome worker = running.get(i).get(120, TimeUnit.SECONDS);
        // Its share misses the p50 threshold as the whole does; the verdict is the merge's.
        assertThat(worker.exitCode()).as(worker.toString()).isZero();
        assertThat(worker.out()).contains("segment " + (i + 1) + "/" + WORKERS,
            "RESULT: FAILED", "judged this worker's share only");
      }
    } finally {
      pool.shutdownNow();
    }
    CommandLineRunner.Outcome merged = CommandLineRunner.run(merge.environment(),
        merge.localArguments().toArray(String[]::new));
    Path mergedOut = Path.of(merge.localArguments().get(merge.arguments().indexOf("--out") + 1));

    Path whole = folder.resolve("whole");
    CommandLineRunner.Outcome wholeRun = CommandLineRunner.run(workers.get(0).environment(),
        "run", "-f", localSpec(workers.get(0)).toString(), "--out", whole.toString());

    assertThat(mergedOut).isEqualTo(pods.resolve("results/local/merged"));
    assertThat(wholeRun.exitCode()).as(wholeRun.toString()).isEqualTo(1);
    assertThat(merged.exitCode()).as(merged.toString()).isEqualTo(wholeRun.exitCode());
    assertThat(arrivals(mergedOut)).isEqualTo(arrivals(whole)).isEqualTo(60);
    JsonNode mergedSummary = summary(mergedOut);
    assertThat(verdicts(mergedSummary)).isEqualTo(verdicts(summary(whole)));
    assertThat(mergedSummary.get("segments").get("workers").toString()).isEqualTo("[1,2,3]");
    assertThat(mergedSummary.get("segments").get("missing")).isEmpty();
    assertMergedPercentilesAreThoseOfTheAddedHistograms(workers, mergedOut);
  }

  /** The chart's values: three workers, the spec inline, the mock as the target's host. */
  private Path values(Instant startAt) throws IOException {
    String values = "workers: " + WORKERS + "\n"
        + "runId: local\n"
        + "startAt: \"" + startAt + "\"\n"
        + "env:\n"
        + "  - name: LOAD_TEST_HOST\n"
        + "    value: \"" + mock.baseUri() + "\"\n"
        + "spec:\n"
        + "  inline: |\n"
        + SPEC.indent(4);
    return Files.writeString(folder.resolve("values.yaml"), values);
  }

  /**
   * The worker's local arguments with its metrics listener on a free loopback port: in the pod
   * it listens on every address of its own network namespace, here three share one.
   */
  private static String[] onLoopback(ContainerCommandLine worker) {
    assertThat(worker.value("--metrics-host")).isEqualTo("0.0.0.0");
    List<String> arguments = new ArrayList<>(worker.localArguments());
    arguments.set(arguments.indexOf("--metrics-host") + 1, "127.0.0.1");
    arguments.set(arguments.indexOf("--metrics-port") + 1, "0");
    return arguments.toArray(String[]::new);
  }

  private static Path localSpec(ContainerCommandLine worker) {
    return Path.of(worker.localArguments().get(worker.arguments().indexOf("-f") + 1));
  }

  /** Arrivals sent (one lag value each) plus dropped ones: the open model's whole count. */
  private static long arrivals(Path out) throws IOException {
    SavedRun run = SavedRunReader.read(out);
    return run.stats().generatorLag().getTotalCount() + run.stats().dropped();
  }

  private static void assertMergedPercentilesAreThoseOfTheAddedHistograms(
      List<ContainerCommandLine> workers, Path merged) throws IOException {
    Histogram union = LatencyHistograms.newHistogram();
    for (ContainerCommandLine worker : workers) {
      Path out = Path.of(worker.localArguments().get(worker.arguments().indexOf("--out") + 1));
      union.add(SavedRunReader.read(out).stats().total().latencies());
    }
    Histogram mergedTotal = SavedRunReader.read(merged).stats().total().latencies();
    assertThat(mergedTotal.getTotalCount()).isEqualTo(union.getTotalCount()).isEqualTo(60);
    for (double percentile : new double[] {0, 50, 90, 95, 99, 99.9, 100}) {
      assertThat(mergedTotal.getValueAtPercentile(percentile)).as("p%s", percentile)
          .isEqualTo(union.getValueAtPercentile(percentile));
    }
    assertThat(mergedTotal).isEqualTo(union);
  }

  /** Each threshold's name and verdict, in spec order, without the observed value. */
  private static List<String> verdicts(JsonNode summary) {
    List<String> verdicts = new ArrayList<>();
    summary.get("thresholds").forEach(threshold -> verdicts.add(
        threshold.get("name").asString() + " passed=" + threshold.get("passed").asBoolean()));
    return verdicts;
  }

  private static JsonNode summary(Path out) throws IOException {
    return JSON.readTree(Files.readString(out.resolve("summary.json")));
  }
}
