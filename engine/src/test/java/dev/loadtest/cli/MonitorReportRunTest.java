package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.report.MonitorResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Target monitors in a real run's saved results and reports: the run scrapes the mock's own
 * {@code /metrics} on loopback (no errors configured, so its health score is 100), saves every
 * reading, shows the series in the page and as a chart, and {@code report --from} and
 * {@code merge} judge the monitor thresholds on the saved readings exactly as the run did.
 */
class MonitorReportRunTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path directory;

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(5)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  private String spec() {
    return """
        name: monitored
        seed: 4
        target: {baseUrl: %1$s}
        load: {users: 2, rampUp: 0s, hold: 1500ms}
        scenarios:
          - name: s
            thinkTime: 50ms
            tasks:
              - {name: get, request: {path: /api/items}}
        metrics:
          monitors:
            - name: target
              url: %1$s/metrics
              interval: 200ms
              series:
                - {name: health_score, metric: mock_system_health}
        thresholds:
          - {metric: monitor.health_score, above: 80}
          - {metric: monitor.health_score, below: 50}
        """.formatted(mock.baseUri().toString().replaceAll("/$", ""));
  }

  @Test
  void readingsAreSavedShownAndJudgedAgainAsTheRunJudgedThem() throws IOException {
    Path spec = Files.writeString(directory.resolve("spec.yaml"), spec());
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome run = CommandLineRunner.run("run", "-f", spec.toString(),
        "--out", out.toString());

    // The score of a mock without errors is 100: above 80 passes, below 50 fails.
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    List<MonitorSeries> saved = MonitorResults.read(out);
    assertThat(saved).singleElement().satisfies(series -> {
      assertThat(series.name()).isEqualTo("health_score");
      assertThat(series.points()).hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(point -> assertThat(point.value()).isEqualTo(100.0));
    });
    List<String> verdicts = verdicts(out);
    assertThat(verdicts).containsExactly("monitor.health_score > 80: true (100.0)",
        "monitor.health_score < 50: false (100.0)");
    String page = Files.readString(out.resolve("report.html"));
    assertThat(page).contains("Target monitors", "mock_system_health",
        "alt=\"Target monitor target: health_score\"");
    assertThat(out.resolve("charts/monitor-health_score.png")).isNotEmptyFile();

    Path again = directory.resolve("again");
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from", out.toString(),
        "--out", again.toString());
    assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
    assertThat(verdicts(again)).isEqualTo(verdicts);
    assertThat(Files.readString(again.resolve("report.html"))).contains("Target monitors");
  }

  @Test
  void aMergeJudgesTheMonitorsOnTheFirstWorkersReadings() throws IOException {
    Path spec = Files.writeString(directory.resolve("spec.yaml"), spec());
    List<String> args = new ArrayList<>(List.of("merge"));
    for (int worker = 1; worker <= 2; worker++) {
      Path out = directory.resolve("worker-" + worker);
      CommandLineRunner.Outcome run = CommandLineRunner.run("run", "-f", spec.toString(),
          "--out", out.toString(), "--segment", worker + "/2");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      args.add(out.toString());
    }
    Path merged = directory.resolve("merged");
    args.addAll(List.of("--out", merged.toString()));

    CommandLineRunner.Outcome merge = CommandLineRunner.run(args.toArray(String[]::new));

    assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(1);
    assertThat(MonitorResults.read(merged))
        .isEqualTo(MonitorResults.read(directory.resolve("worker-1")));
    assertThat(verdicts(merged)).containsExactly("monitor.health_score > 80: true (100.0)",
        "monitor.health_score < 50: false (100.0)");
  }

  /** Each threshold of summary.json as "name: passed (observed)". */
  private static List<String> verdicts(Path out) throws IOException {
    JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")));
    List<String> verdicts = new ArrayList<>();
    for (JsonNode threshold : summary.get("thresholds")) {
      verdicts.add(threshold.get("name").asString() + ": " + threshold.get("passed").asBoolean()
          + " (" + threshold.get("observed").asDouble() + ")");
    }
    return verdicts;
  }
}
