package dev.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.cli.MockCommand;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code loadtest mock} as a user runs it. Lives beside the mock because the command's own
 * package belongs to the CLI; it uses only the command's public API.
 */
class MockCommandTest {

  @Test
  void printsWhereItListensAndServesUntilItsLifetimeEnds() {
    AtomicReference<MockServer> started = new AtomicReference<>();
    List<Integer> statuses = new ArrayList<>();
    Run run = execute(server -> {
      started.set(server);
      statuses.add(healthStatus(server));
    }, "--port", "0", "--latency", "uniform:10ms..20ms", "--error-rate", "1%",
        "--rate-limit-rate", "0.05", "--seed", "7");

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).matches("mock target listening on http://127\\.0\\.0\\.1:[0-9]+ "
        + "\\(mock latency uniform 10ms\\.\\.20ms, errors 1\\.0%, 429s 5\\.0%, seed 7\\)\\R");
    assertThat(run.out).contains(":" + started.get().port() + " ");
    assertThat(statuses).containsExactly(200);
    assertThat(started.get().toString()).as("closed when the lifetime ends").contains("STOPPED");
  }

  static Stream<Arguments> validOptions() {
    Duration ms10 = Duration.ofMillis(10);
    Duration ms50 = Duration.ofMillis(50);
    return Stream.of(
        // Nothing given: answer at once, never fail, seed 1, like the spec's default.
        Arguments.of(List.of(), MockSettings.DEFAULT),
        // A bare duration is a fixed delay.
        Arguments.of(List.of("--latency", "50ms"), settings(new LatencyDistribution.Fixed(ms50))),
        // The explicit form names the distribution.
        Arguments.of(List.of("--latency", "fixed:1.5s"),
            settings(new LatencyDistribution.Fixed(Duration.ofMillis(1_500)))),
        Arguments.of(List.of("--latency", "uniform:10ms..50ms"),
            settings(new LatencyDistribution.Uniform(ms10, ms50))),
        // Median first, then p99; the spec spells it logNormal, so case does not matter.
        Arguments.of(List.of("--latency", "logNormal:50ms,400ms"),
            settings(new LatencyDistribution.LogNormal(ms50, Duration.ofMillis(400)))),
        // Shares as fractions or percentages.
        Arguments.of(List.of("--error-rate", "0.25", "--rate-limit-rate", "5%", "--seed", "9"),
            new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0.25, 0.05, 9)));
  }

  @ParameterizedTest
  @MethodSource("validOptions")
  void optionsBecomeSettings(List<String> options, MockSettings expected) {
    AtomicReference<MockSettings> seen = new AtomicReference<>();
    List<String> args = new ArrayList<>(List.of("--port", "0"));
    args.addAll(options);

    Run run = execute(server -> seen.set(server.settings()), args.toArray(String[]::new));

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(seen.get()).isEqualTo(expected);
  }

  static Stream<Arguments> invalidOptions() {
    return Stream.of(
        // Not a distribution at all: the message shows the valid forms.
        Arguments.of(List.of("--latency", "fast"), List.of("--latency", "uniform:10ms..100ms")),
        // A duration without a unit.
        Arguments.of(List.of("--latency", "50"), List.of("--latency", "500ms")),
        // Bounds the wrong way round.
        Arguments.of(List.of("--latency", "uniform:100ms..10ms"), List.of("--latency", "below")),
        // The p99 is missing.
        Arguments.of(List.of("--latency", "lognormal:50ms"), List.of("--latency", "median,p99")),
        Arguments.of(List.of("--latency", "gamma:1ms"), List.of("--latency", "unknown")),
        // Not a number, and more than everything.
        Arguments.of(List.of("--error-rate", "lots"), List.of("--error-rate", "1%")),
        Arguments.of(List.of("--rate-limit-rate", "150%"), List.of("--rate-limit-rate", "0.01")),
        // Each share is fine; together they exceed all requests.
        Arguments.of(List.of("--error-rate", "60%", "--rate-limit-rate", "50%"),
            List.of("--error-rate", "--rate-limit-rate", "100%")),
        Arguments.of(List.of("--port", "70000"), List.of("--port", "8000")));
  }

  @ParameterizedTest
  @MethodSource("invalidOptions")
  void badValuesAreUsageErrorsNamingTheOptionWithAnExample(List<String> options,
      List<String> expectedFragments) {
    Run run = execute(server -> {
      throw new AssertionError("must not start with " + options);
    }, options.toArray(String[]::new));

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains(expectedFragments);
    assertThat(run.out).isEmpty();
  }

  @Test
  void aTakenPortIsReportedAsCouldNotStart() throws Exception {
    try (MockServer occupant = MockServer.start(MockSettings.DEFAULT)) {
      Run run = execute(server -> {
        throw new AssertionError("must not start");
      }, "--port", String.valueOf(occupant.port()));

      assertThat(run.exitCode).isEqualTo(3);
      assertThat(run.err).contains("could not listen on 127.0.0.1:" + occupant.port());
    }
  }

  private static MockSettings settings(LatencyDistribution latency) {
    return new MockSettings(latency, 0, 0, 1);
  }

  private static int healthStatus(MockServer server) {
    try {
      HttpResponse<String> response = MockServerTest.get(server, "/health");
      return response.statusCode();
    } catch (Exception e) {
      throw new AssertionError("GET /health on " + server, e);
    }
  }

  private static Run execute(MockCommand.Lifetime lifetime, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new MockCommand(lifetime));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
