package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole command line against a real mock target on loopback: what a user or a CI job sees
 * (exit codes, console text, summary.json) and what the target saw.
 */
class RunCommandTest {

  private static final String SPEC = """
      name: it
      seed: 3
      target:
        baseUrl: http://127.0.0.1:1
      preflight: {path: /health}
      load: {users: 4, rampUp: 100ms, hold: 2s}
      scenarios:
        - name: reader
          tasks:
            - name: list
              weight: 3
              request: {path: /api/items, checks: [{jsonPath: $.ok, equals: true}]}
            - name: add
              weight: 1
              request: {method: POST, path: /api/items, json: {id: "${randomInt(1, 9)}"}}
      thresholds:
        - {metric: latency.p50, below: 5s}
        - {metric: errorRate, below: 1%}
      """;

  @TempDir
  Path directory;

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(50)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  @Test
  void passingRunExitsZeroAndCountsWhatTheTargetSaw() throws IOException {
    Path spec = write("it.yaml", SPEC);
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f", spec.toString(),
        "--host", mock.baseUri().toString(), "--out", out.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    JsonNode summary = summary(out);
    long requests = summary.get("totals").get("requests").asLong();
    // The mock also answered the preflight request.
    assertThat(mock.requestCount() - 1).isEqualTo(requests);
    assertThat(requests).isGreaterThan(50);
    assertThat(summary.get("passed").asBoolean()).isTrue();
    assertThat(outcome.out()).contains("RESULT: PASSED", "Aggregated", "PASS latency.p50 < 5s");
  }

  @Test
  void http2RunsOverCleartextH2() throws IOException {
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("it.yaml", SPEC).toString(), "--host", mock.baseUri().toString(),
        "--set", "target.http=2", "--duration", "1s", "--out", out.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(summary(out).get("totals").get("requests").asLong())
        .isEqualTo(mock.requestCount() - 1).isPositive();
  }

  @Test
  void fixedLatencyGivesMedianWithinTenPercent() throws IOException {
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("-f", write("it.yaml", SPEC)
        .toString(), "--host", mock.baseUri().toString(), "--out", out.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    double p50 = summary(out).get("totals").get("latencyMs").get("p50").asDouble();
    assertThat(p50).isCloseTo(50.0, within(5.0));
  }

  @Test
  void failedThresholdExitsOneAndSaysWhich() throws IOException {
    Path out = directory.resolve("out");
    String strict = SPEC.replace("{metric: latency.p50, below: 5s}",
        "{metric: latency.p50, below: 10ms}");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("strict.yaml", strict).toString(), "--host", mock.baseUri().toString(),
        "--out", out.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    assertThat(outcome.out()).contains("FAIL latency.p50 < 10ms", "RESULT: FAILED");
    JsonNode threshold = summary(out).get("thresholds").get(0);
    assertThat(threshold.get("passed").asBoolean()).isFalse();
    assertThat(threshold.get("observed").asDouble()).isGreaterThan(10.0);
  }

  @Test
  void abortOnFailStopsTheRunEarly() throws Exception {
    try (MockServer failing = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(5)), 0.5, 0, 1), "127.0.0.1", 0)) {
      Path out = directory.resolve("out");
      String aborting = SPEC.replace("hold: 2s", "hold: 60s")
          .replace("{metric: errorRate, below: 1%}", "{metric: errorRate, below: 1%,"
              + " abortOnFail: true}");

      CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
          write("abort.yaml", aborting).toString(), "--host", failing.baseUri().toString(),
          "--out", out.toString());

      assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
      JsonNode summary = summary(out);
      assertThat(summary.get("aborted").asString()).contains("errorRate");
      assertThat(summary.get("durationSeconds").asDouble()).isLessThan(30);
    }
  }

  @Test
  void invalidSpecExitsTwoWithLocation() throws IOException {
    Path spec = write("bad.yaml", SPEC.replace("users: 4", "usres: 4"));

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f", spec.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.err()).contains(spec + ":6:", "usres").doesNotContain("Exception");
  }

  @Test
  void unreachableTargetExitsThree() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("it.yaml", SPEC).toString(), "--host", "http://127.0.0.1:" + closedPort);

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
    assertThat(outcome.err()).contains("preflight GET", "failed");
  }

  @Test
  void unexpectedPreflightStatusExitsThree() throws IOException {
    String spec = SPEC.replace("preflight: {path: /health}",
        "preflight: {path: /health, expectStatus: 204}");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("it.yaml", spec).toString(), "--host", mock.baseUri().toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
    assertThat(outcome.err()).contains("answered HTTP 200, expected 204");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void unwritableOutputDirectoryExitsThreeBeforeAnyLoad() throws IOException {
    Path file = write("not-a-directory", "x");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("it.yaml", SPEC).toString(), "--host", mock.baseUri().toString(),
        "--out", file.resolve("out").toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
    assertThat(outcome.err()).contains("output directory");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void builtInMockTargetNeedsNothingElse() throws IOException {
    String spec = SPEC.replace("baseUrl: http://127.0.0.1:1", "baseUrl: mock")
        .replace("hold: 2s", "hold: 1s");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f",
        write("mock.yaml", spec).toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("against http://127.0.0.1:");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CommandLineRunner.run("run").exitCode()).isEqualTo(2);
    assertThat(CommandLineRunner.run("run", "-f", "x.yaml", "--ramp-up", "fast").err())
        .contains("--ramp-up takes users per second");
    assertThat(CommandLineRunner.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void validatePrintsNeedsAndSendsNothing() throws IOException {
    CommandLineRunner.Outcome outcome = CommandLineRunner.run("validate", "-f",
        write("it.yaml", SPEC).toString(), "--users", "9", "--host", mock.baseUri().toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("peak users: 9", "connections: up to 9",
        "duration: 2100ms");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void helpAndVersionWork() {
    assertThat(CommandLineRunner.run("--version").out()).startsWith("loadtest ");
    for (String command : new String[] {"run", "validate", "mock"}) {
      CommandLineRunner.Outcome help = CommandLineRunner.run(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage:");
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }

  private static JsonNode summary(Path out) throws IOException {
    return JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
  }
}
