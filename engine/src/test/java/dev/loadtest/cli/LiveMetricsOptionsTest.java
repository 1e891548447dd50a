package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.plan.MetricsCompiler;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where {@code --metrics-port} listens: {@code --metrics-host}, else the spec's
 * {@code metrics.host}, else loopback; and {@code --metrics-host} alone is a usage error.
 */
class LiveMetricsOptionsTest {

  private static final String SPEC = """
      name: metrics-host
      target: {baseUrl: http://127.0.0.1:1}
      load: {users: 1, hold: 1s}
      scenarios:
        - name: api
          tasks:
            - {name: list, request: {path: /api/items}}
      """;

  private static final String SPEC_WITH_HOST = SPEC
      + "metrics: {host: 10.1.2.3, port: 9464}\n";

  /** One row: the spec, the options, and where the server must listen. */
  private record Row(String comment, String spec, Integer port, String host,
      String expectedHost, int expectedPort) {}

  @Test
  void theOptionHostWinsOverTheSpecsWhichWinsOverLoopback() throws Exception {
    List<Row> rows = List.of(
        new Row("no host anywhere: loopback", SPEC, 9000, null, "127.0.0.1", 9000),
        new Row("the spec's host stays beside --metrics-port", SPEC_WITH_HOST, 9000, null,
            "10.1.2.3", 9000),
        new Row("--metrics-host replaces the spec's host", SPEC_WITH_HOST, 9000, "0.0.0.0",
            "0.0.0.0", 9000),
        new Row("--metrics-host without a spec section", SPEC, 0, "localhost", "localhost", 0));
    for (Row row : rows) {
      MetricsPlan spec = new MetricsCompiler().compile(new SpecLoader(Map.of())
          .loadTexts(List.of(Map.entry("spec.yaml", row.spec())), List.of()));

      MetricsPlan applied = LiveMetricsOptions.apply(spec, row.port(), row.host(), "id",
          Map.of());

      assertThat(applied.server()).as(row.comment())
          .isEqualTo(new MetricsPlan.Server.Serve(row.expectedHost(), row.expectedPort()));
    }
  }

  @Test
  void aMetricsHostWithoutAPortIsAUsageError() {
    Path spec = Path.of(System.getProperty("loadtest.repository.root", ".."))
        .resolve("examples/quickstart.yaml");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("run", "-f", spec.toString(),
        "--metrics-host", "0.0.0.0");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.err()).contains("--metrics-host 0.0.0.0 needs --metrics-port")
        .doesNotContain("Exception");
  }
}
