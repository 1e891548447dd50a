package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LOADTEST_OUT gives {@code run} an output directory when --out is absent (the image sets it). */
class OutDirectoryDefaultTest {

  private static final String SPEC = """
      name: out-default
      seed: 5
      target: {baseUrl: mock}
      mock: {latency: {fixed: 5ms}}
      load: {users: 2, rampUp: 100ms, hold: 1s}
      scenarios:
        - name: reader
          tasks:
            - name: list
              request: {path: /api/items}
      """;

  @TempDir
  Path directory;

  @Test
  void environmentVariableIsTheDefaultOutputDirectory() throws IOException {
    Path spec = Files.writeString(directory.resolve("spec.yaml"), SPEC);
    Path reports = directory.resolve("reports");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run(
        Map.of("LOADTEST_OUT", reports.toString()), "run", "-f", spec.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(reports.resolve("summary.json")).isRegularFile();
  }

  @Test
  void outOptionWinsOverTheEnvironment() throws IOException {
    Path spec = Files.writeString(directory.resolve("spec.yaml"), SPEC);
    Path fromEnvironment = directory.resolve("env");
    Path fromOption = directory.resolve("option");

    CommandLineRunner.Outcome outcome = CommandLineRunner.run(
        Map.of("LOADTEST_OUT", fromEnvironment.toString()),
        "run", "-f", spec.toString(), "--out", fromOption.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(fromOption.resolve("summary.json")).isRegularFile();
    assertThat(fromEnvironment).doesNotExist();
  }
}
