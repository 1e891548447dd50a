package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --out} writes every output; {@code report --from} renders the same again. */
class ReportCommandTest {

  private static final String SPEC = """
      name: reports
      seed: 9
      target: {baseUrl: mock}
      mock: {latency: {fixed: 5ms}, errorRate: 5%}
      load: {users: 3, rampUp: 100ms, hold: 2s}
      scenarios:
        - name: reader
          tasks:
            - name: list items
              request: {path: /api/items}
      thresholds:
        - {metric: errorRate, below: 50%}
      """;

  @TempDir
  Path directory;

  @Test
  void runWritesEveryOutputAndReportRendersTheSameAgain() throws Exception {
    Path spec = Files.writeString(directory.resolve("spec.yaml"), SPEC);
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome run = CommandLineRunner.run("run", "-f", spec.toString(),
        "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    for (String name : new String[] {"report.html", "summary.json", "results.json",
        "latency.hlog", "junit.xml", "run.log", "loadtest_stats.csv",
        "loadtest_stats_history.csv", "loadtest_failures.csv", "loadtest_exceptions.csv",
        "charts/percentiles.png"}) {
      assertThat(out.resolve(name)).as(name).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("run.log"))).contains("RESULT: PASSED",
        "Aggregated");
    Path again = directory.resolve("again");
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from",
        out.toString(), "--out", again.toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(Files.readString(again.resolve("loadtest_stats.csv")))
        .isEqualTo(Files.readString(out.resolve("loadtest_stats.csv")));
  }

  @Test
  void reportFromKeepsTheRunsWarnings() throws Exception {
    Path saved = directory.resolve("saved");
    dev.loadtest.report.SyntheticRun.write(Files.createDirectories(saved),
        new dev.loadtest.report.SyntheticRun.Shape(30, List.of("list"), 10, 0, 3));
    dev.loadtest.report.SaturatedRun.rewrite(saved, 5, 28,
        List.of(dev.loadtest.report.SaturatedRun.LAG_WARNING), true);
    Path again = directory.resolve("again");

    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from",
        saved.toString(), "--out", again.toString());

    assertThat(report.out()).contains("WARNING: results may be skewed: the load generator's"
        + " CPU stayed above 90% for 23 s", "WARNING: " + dev.loadtest.report.SaturatedRun
        .LAG_WARNING);
    assertThat(Files.readString(again.resolve("summary.json")))
        .contains("\"warnings\" : [ \"results may be skewed", "behind its schedule");
    assertThat(Files.readString(again.resolve("report.html"))).contains("id=\"warnings\"");
  }

  @Test
  void aSecondRunIntoTheSameDirectoryNeedsOverwrite() throws Exception {
    Path spec = Files.writeString(directory.resolve("spec.yaml"),
        SPEC.replace("hold: 2s", "hold: 200ms"));
    Path out = directory.resolve("out");
    CommandLineRunner.run("run", "-f", spec.toString(), "--out", out.toString());

    CommandLineRunner.Outcome second = CommandLineRunner.run("run", "-f", spec.toString(),
        "--out", out.toString());
    CommandLineRunner.Outcome third = CommandLineRunner.run("run", "-f", spec.toString(),
        "--out", out.toString(), "--overwrite");

    assertThat(second.exitCode()).isEqualTo(3);
    assertThat(second.err()).contains("earlier run", "--overwrite");
    assertThat(third.exitCode()).as(third.toString()).isZero();
  }

  @Test
  void reportFromAnEmptyDirectorySaysWhatIsMissing() {
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from",
        directory.toString());

    assertThat(report.exitCode()).isEqualTo(3);
    assertThat(report.err()).contains("results.json");
  }
}
