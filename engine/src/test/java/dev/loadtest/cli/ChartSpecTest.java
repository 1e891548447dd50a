package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the Helm chart in charts/loadtest relies on in the CLI: its default spec is valid, and
 * the CLI reads the per-worker argument files (@FILE) that carry --segment and --out.
 */
class ChartSpecTest {

  private static final Path VALUES = Path.of(System.getProperty("loadtest.repository.root",
      "..")).resolve("charts/loadtest/values.yaml");

  @TempDir
  Path scratch;

  @Test
  void theChartsDefaultInlineSpecValidates() throws IOException {
    Map<?, ?> values = (Map<?, ?>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(VALUES));
    Path spec = Files.writeString(scratch.resolve("spec.yaml"),
        (String) ((Map<?, ?>) values.get("spec")).get("inline"));

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("validate", "-f",
        spec.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("quickstart-on-kubernetes");
  }

  @Test
  void theCliReadsArgumentFilesAsTheChartWritesThem() throws IOException {
    Path spec = Path.of(System.getProperty("loadtest.repository.root", ".."))
        .resolve("examples/quickstart.yaml");
    // The shape of the chart's worker-K.args: a comment line, then options and values.
    Path arguments = Files.writeString(scratch.resolve("worker-0.args"),
        "# Worker 1 of 2: its share of the plan and its results folder.\n"
            + "--set load.users=3\n");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run("validate", "-f",
        spec.toString(), "@" + arguments);

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("peak 3 users");
  }
}
