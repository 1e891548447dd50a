package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
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
 * Custom metrics through the whole command line against a real mock on loopback: the values
 * summary.json reports, the thresholds judged on them, the console and HTML tables, and the
 * same again from {@code report --from}.
 */
class CustomMetricsRunTest {

  /**
   * Each iteration lists items (the echo answers {"id":"N","path":"/api/items"}), then starts an
   * agent job, polls it and fetches its result ({"result":{"agents":[3 names],"steps":3}}).
   */
  private static final String SPEC = """
      name: custom-it
      seed: 5
      target: {baseUrl: http://127.0.0.1:1}
      preflight: {path: /health}
      load: {users: 3, rampUp: 100ms, hold: 2s}
      scenarios:
        - name: agent
          tasks:
            - name: job
              steps:
                - request:
                    name: list items
                    path: /api/items
                    metrics:
                      - {name: items_listed, type: counter, help: Item lists fetched.}
                      - {name: echo_id, type: histogram, jsonPath: $.id, buckets: [10, 100]}
                      - {name: path_number, type: histogram, jsonPath: $.path}
                - request:
                    name: start job
                    method: POST
                    path: /v1/agents/jobs
                    json: {agents: [planner]}
                    extract: {job_id: $.id}
                - poll:
                    request: {name: job status, path: "/v1/agents/jobs/${job_id}"}
                    until: {jsonPath: $.status, equals: done}
                    interval: 50ms
                    timeout: 5s
                - request:
                    name: job result
                    path: /v1/agents/jobs/${job_id}/result
                    metrics:
                      - name: agent_steps
                        type: histogram
                        jsonPath: $.result.steps
                        labels: {agent: team}
                        unit: steps
                      - {name: agents_involved, type: counter, jsonPath: $.result.agents}
      thresholds:
        - {metric: custom.agent_steps.p95, below: 8}
        - {metric: custom.agent_steps.max, below: 3}
        - {metric: custom.items_listed.sum, above: 2}
        - {metric: custom.path_number.missing, below: 1}
      """;

  @TempDir
  Path directory;

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(10)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  @Test
  void customMetricsAreReportedJudgedAndRenderedAgainFromTheSavedRun() throws IOException {
    Path spec = Files.writeString(directory.resolve("custom.yaml"), SPEC);
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f", spec.toString(),
        "--host", mock.baseUri().toString(), "--out", out.toString());

    // Two thresholds fail: agent_steps is always 3, and every echo path is text.
    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    JsonNode summary = summary(out);
    long listed = endpoint(summary, "list items").get("requests").asLong();
    long results = endpoint(summary, "job result").get("requests").asLong();
    assertThat(listed).isGreaterThan(2);
    assertThat(results).isPositive();

    JsonNode items = custom(summary, "items_listed");
    assertThat(items.get("type").asString()).isEqualTo("counter");
    assertThat(items.get("sum").asDouble()).isEqualTo(listed);
    assertThat(items.get("count").asLong()).isEqualTo(listed);
    assertThat(items.get("missing").asLong()).isZero();

    // Ids are numbers written as strings: each one is recorded.
    JsonNode ids = custom(summary, "echo_id");
    assertThat(ids.get("count").asLong()).isEqualTo(listed);
    assertThat(ids.get("missing").asLong()).isZero();
    assertThat(ids.get("max").asDouble()).isPositive();

    // A path is text, never a number: every response counts as missing, none as a value.
    JsonNode paths = custom(summary, "path_number");
    assertThat(paths.get("missing").asLong()).isEqualTo(listed);
    assertThat(paths.get("count").asLong()).isZero();
    assertThat(paths.get("p95").isNull()).isTrue();

    JsonNode steps = custom(summary, "agent_steps");
    assertThat(steps.get("labels").get("agent").asString()).isEqualTo("team");
    assertThat(steps.get("unit").asString()).isEqualTo("steps");
    assertThat(steps.get("count").asLong()).isEqualTo(results);
    assertThat(steps.get("p95").asDouble()).isEqualTo(3.0);
    assertThat(steps.get("sum").asDouble()).isEqualTo(3.0 * results);
    // An array's length is its value: three agents per job.
    assertThat(custom(summary, "agents_involved").get("sum").asDouble())
        .isEqualTo(3.0 * results);

    assertThat(verdicts(summary)).containsExactly(
        "custom.agent_steps.p95 < 8 passed=true observed=3.0",
        "custom.agent_steps.max < 3 passed=false observed=3.0",
        "custom.items_listed.sum > 2 passed=true observed=" + (double) listed,
        "custom.path_number.missing < 1 passed=false observed=" + (double) listed);
    assertThat(outcome.out()).contains("Custom metric", "agent_steps{agent=\"team\"}",
        "FAIL custom.agent_steps.max < 3 (observed 3.00)", "PASS custom.agent_steps.p95 < 8");
    // Mustache escapes the quotes and the equals sign of the labels.
    assertThat(Files.readString(out.resolve("report.html"))).contains(
        "<section id=\"custom-metrics\">", "<td>agent_steps{agent", "team",
        "<td>items_listed</td>");

    Path again = directory.resolve("again");
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from",
        out.toString(), "--out", again.toString());

    assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
    JsonNode rendered = summary(again);
    assertThat(rendered.get("customMetrics")).isEqualTo(summary.get("customMetrics"));
    assertThat(verdicts(rendered)).isEqualTo(verdicts(summary));
  }

  @Test
  void aThresholdOnAnUndeclaredMetricIsAUsageErrorNamingFileLineAndPath() throws IOException {
    Path spec = Files.writeString(directory.resolve("typo.yaml"), SPEC.replace(
        "custom.items_listed.sum", "custom.item_listed.sum"));

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("validate", "-f",
        spec.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.err()).contains("typo.yaml:42:14: thresholds[2].metric",
        "  - {metric: custom.item_listed.sum, above: 2}\n      |              ^",
        "no custom metric named 'item_listed' (declared under a request's metrics:"
            + " items_listed, echo_id, path_number, agent_steps, agents_involved)")
        .doesNotContain("Exception");
  }

  private static JsonNode summary(Path out) throws IOException {
    return JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
  }

  private static JsonNode endpoint(JsonNode summary, String name) {
    for (JsonNode endpoint : summary.get("endpoints")) {
      if (endpoint.get("name").asString().equals(name)) {
        return endpoint;
      }
    }
    throw new AssertionError("no endpoint " + name + " in " + summary);
  }

  private static JsonNode custom(JsonNode summary, String name) {
    for (JsonNode metric : summary.get("customMetrics")) {
      if (metric.get("name").asString().equals(name)) {
        return metric;
      }
    }
    throw new AssertionError("no custom metric " + name + " in " + summary);
  }

  private static List<String> verdicts(JsonNode summary) {
    List<String> verdicts = new ArrayList<>();
    summary.get("thresholds").forEach(threshold -> verdicts.add(threshold.get("name")
        .asString() + " passed=" + threshold.get("passed").asBoolean() + " observed="
        + threshold.get("observed").asDouble()));
    return verdicts;
  }
}
