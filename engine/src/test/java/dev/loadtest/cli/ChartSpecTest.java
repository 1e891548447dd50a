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

/** The spec a bare helm install of charts/loadtest runs is a valid spec, as the CLI reads it. */
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
        spec.toString(), "--set", "metrics.host=0.0.0.0", "--set", "metrics.port=9464");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("quickstart-on-kubernetes");
  }
}
