package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines the rendered Jobs start, resolved as the kubelet and the CLI resolve them,
 * checked against the CLI contract of segmented runs:
 * {@code run -f SPEC [-f OVERLAY]... [--set K=V]... --segment I/N --start-at INSTANT
 * --out /results/RUN/worker-I --metrics-host 0.0.0.0 --metrics-port P} and
 * {@code merge /results/RUN/worker-1 ... /results/RUN/worker-N --out /results/RUN/merged}.
 */
class ChartCommandLineTest {

  @TempDir
  Path folder;

  @Test
  void eachOfSevenWorkersRunsItsOwnSegmentFromTheSameInstant() throws IOException {
    RenderedRelease release = HelmChart.render(Map.of("workers", 7, "runId", "seven"));
    Set<String> startInstants = new HashSet<>();
    List<String> segments = new ArrayList<>();

    for (int index = 0; index < 7; index++) {
      ContainerCommandLine worker = worker(release, index);
      int segment = index + 1;

      assertThat(worker.arguments()).as("%s", worker).startsWith("run")
          .noneMatch(argument -> argument.contains("$("));
      assertThat(worker.values("-f")).containsExactly("/spec/spec.yaml");
      assertThat(worker.value("--out")).isEqualTo("/results/seven/worker-" + segment);
      assertThat(worker.value("--metrics-port")).isEqualTo("9464");
      assertThat(worker.value("--metrics-host")).isEqualTo("0.0.0.0");
      assertThat(worker.value("--run-id")).isEqualTo("seven");
      assertThat(worker.values("--set")).isEmpty();
      segments.add(worker.value("--segment"));
      startInstants.add(worker.value("--start-at"));
    }

    assertThat(segments).containsExactly("1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7");
    assertThat(startInstants).as("one start instant for all workers").hasSize(1);
    assertThat(Instant.parse(startInstants.iterator().next())).isNotNull();
  }

  @Test
  void theWorkerReadsTheSpecTheValuesHold() throws IOException {
    RenderedRelease release = HelmChart.render(Map.of("runId", "files"));
    ContainerCommandLine worker = worker(release, 0);
    Path localSpec = Path.of(worker.localArguments().get(worker.arguments().indexOf("-f") + 1));

    assertThat(localSpec).startsWith(folder);
    assertThat(Files.readString(localSpec)).contains("name: quickstart-on-kubernetes")
        .isEqualTo(Yaml.at(release.find("ConfigMap", "spec"), "data").get("spec.yaml"));
    assertThat(worker.localArguments()).contains(folder.resolve("0/results/files/worker-1")
        .toString());
  }

  @Test
  void overlaysAndSetItemsKeepTheirOrderAfterTheChartsOwn() throws IOException {
    RenderedRelease release = HelmChart.render("existing-config-map.yaml", Map.of());
    ContainerCommandLine worker = worker(release, 2);

    assertThat(worker.values("-f"))
        .containsExactly("/spec/checkout.yaml", "/spec/smoke.yaml", "/spec/night.yaml");
    assertThat(worker.values("--set"))
        .containsExactly("target.requestTimeout=5s", "load.users=600");
    assertThat(worker.value("--segment")).isEqualTo("3/3");
    assertThat(worker.value("--out")).isEqualTo("/results/checkout-night/worker-3");
  }

  @Test
  void aSetItemReachesTheCliAsWrittenEvenWithKubernetesReferenceSyntax() throws IOException {
    // HOME is defined in the worker's environment, so an unescaped $(HOME) would become /tmp.
    RenderedRelease release = HelmChart.render(Map.of("runId", "literal",
        "set[0]", "scenarios[0].requests[0].path=/files/$(HOME)"));

    assertThat(worker(release, 0).values("--set"))
        .contains("scenarios[0].requests[0].path=/files/$(HOME)");
  }

  @Test
  void theMergeStepReadsEveryWorkerFolderAndWritesMerged() throws IOException {
    RenderedRelease release = HelmChart.render(Map.of("workers", 7, "runId", "seven"));
    ContainerCommandLine merge = ContainerCommandLine.of(release, release.find("Job", "merge"),
        "merge", Map.of(), folder);

    // A worker without results is a warning and a failed verdict, not a merge without report.
    assertThat(merge.arguments()).containsExactly("merge", "--allow-missing",
        "/results/seven/worker-1", "/results/seven/worker-2", "/results/seven/worker-3",
        "/results/seven/worker-4", "/results/seven/worker-5", "/results/seven/worker-6",
        "/results/seven/worker-7", "--out", "/results/seven/merged");
  }

  @Test
  void theStartIsTheRenderTimePlusTheDelayUnlessAnInstantIsGiven() throws IOException {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RenderedRelease delayed = HelmChart.render(Map.of("startDelay", "90s", "runId", "late"));
    Instant after = Instant.now();
    RenderedRelease planned = HelmChart.render(Map.of("startAt", "2027-01-31T09:00:00Z"));

    Instant start = Instant.parse(worker(delayed, 0).value("--start-at"));
    assertThat(start).isBetween(before.plus(Duration.ofSeconds(90)),
        after.plus(Duration.ofSeconds(90)));
    assertThat(worker(planned, 1).value("--start-at")).isEqualTo("2027-01-31T09:00:00Z");
  }

  @Test
  void aDefaultRunIdIsTheSameInEveryTemplateOfOneRender() throws IOException {
    RenderedRelease release = HelmChart.render(Map.of());
    String runId = worker(release, 0).value("--run-id");

    assertThat(runId).matches(HelmChart.RELEASE + "-[0-9]{8}-[0-9]{6}");
    assertThat(worker(release, 1).value("--out")).isEqualTo("/results/" + runId + "/worker-2");
    assertThat(ContainerCommandLine.of(release, release.find("Job", "merge"), "merge",
        Map.of(), folder.resolve("merge")).value("--out"))
        .isEqualTo("/results/" + runId + "/merged");
    for (Map<String, Object> manifest : release.manifests()) {
      assertThat(Yaml.at(manifest, "metadata", "labels"))
          .containsEntry("loadtest.dev/run-id", runId);
    }
  }

  @Test
  void theMergeWaitsUntilEveryWorkerIsDoneAndGivesUpAtItsDeadline() throws Exception {
    RenderedRelease release = HelmChart.render(Map.of("workers", 4, "runId", "wait",
        "merge.waitTimeoutSeconds", 1));
    Map<String, Object> wait = Yaml.maps(Yaml.at(release.find("Job", "merge"), "spec",
        "template", "spec").get("initContainers")).get(0);
    Path run = Files.createDirectories(folder.resolve("wait"));
    for (int worker : List.of(1, 3)) {
      Files.createDirectories(run.resolve("worker-" + worker));
      Files.writeString(run.resolve("worker-" + worker + "/summary.json"), "{}");
    }

    // Worker 4 could not run: it is done, and the merge will say why it has no results.
    Files.createDirectories(run.resolve("worker-4"));
    Files.writeString(run.resolve("worker-4/could-not-run.txt"), "preflight failed\n");

    assertThat(runWaitStep(wait, run, "0")).isEqualTo("gave up after 0s; no results from"
        + " workers: 2\n");

    Files.createDirectories(run.resolve("worker-2"));
    Files.writeString(run.resolve("worker-2/summary.json"), "{}");
    assertThat(runWaitStep(wait, run, "0")).isEqualTo("all 4 workers are done\n");
  }

  // Runs the rendered shell step with this machine's POSIX sh, pointed at a local folder; a
  // deadline of 0 s makes it decide at once, so the test does not wait.
  private static String runWaitStep(Map<String, Object> container, Path run, String deadline)
      throws IOException, InterruptedException {
    List<String> command = Yaml.list(container.get("command")).stream()
        .map(String::valueOf).toList();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    for (Map<String, Object> variable : Yaml.maps(container.get("env"))) {
      builder.environment().put((String) variable.get("name"), (String) variable.get("value"));
    }
    builder.environment().put("RUN_FOLDER", run.toString());
    builder.environment().put("WAIT_TIMEOUT_SECONDS", deadline);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the wait step ended").isTrue();
    assertThat(process.exitValue()).isZero();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private ContainerCommandLine worker(RenderedRelease release, int index) throws IOException {
    return ContainerCommandLine.of(release, release.find("Job", "workers"), "worker",
        Map.of(ContainerCommandLine.COMPLETION_INDEX, String.valueOf(index)),
        folder.resolve(String.valueOf(index)));
  }
}
