package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema check catches what the API server would refuse, in a real rendered Job. */
class KubernetesSchemasTest {

  /**
   * One way of breaking the rendered worker Job, and the words of the problem it must cause.
   *
   * @param change what is done to the Job
   * @param problem a part of the expected problem text
   */
  record Breakage(String name, Consumer<Map<String, Object>> change, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Breakage> breakages() {
    return Stream.of(
        // A misspelt field: the API server would drop it and the workers would not spread.
        new Breakage("unknown field", job -> podSpec(job).put("topologySpreadConstraint",
            List.of()), "`topologySpreadConstraint` in the JSON string is not defined"),
        // A number written as text where the API wants an integer.
        new Breakage("wrong type", job -> Yaml.at(job, "spec").put("completions", "seven"),
            "bad value: java.lang.NumberFormatException: For input string: \"seven\""),
        // A pod without containers is refused.
        new Breakage("missing required field", job -> podSpec(job).remove("containers"),
            "containers"),
        // A label value over 63 characters, as a too long runId would make.
        new Breakage("label value too long", job -> Yaml.at(job, "metadata", "labels")
            .put("loadtest.dev/run-id", "r".repeat(64)), "label loadtest.dev/run-id"),
        // A port name over 15 characters is refused (Services and probes refer to it).
        new Breakage("port name too long", job -> Yaml.maps(Yaml.maps(podSpec(job)
            .get("containers")).get(0).get("ports")).get(0).put("name", "prometheus-metrics"),
            "invalid port name prometheus-metrics"),
        // A Job name over 63 characters cannot become its pods' job-name label.
        new Breakage("name too long", job -> Yaml.at(job, "metadata")
            .put("name", "w".repeat(64)), "not a valid name"));
  }

  @Test
  void theRenderedJobPasses() {
    assertThat(KubernetesSchemas.problems(workerJob())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void aBrokenJobIsReported(Breakage breakage) {
    Map<String, Object> job = workerJob();

    breakage.change().accept(job);

    assertThat(KubernetesSchemas.problems(job)).singleElement().asString()
        .contains(breakage.problem());
  }

  @Test
  void aKindWithoutSchemaIsAProblemNotAPass() {
    Map<String, Object> monitor = new LinkedHashMap<>(HelmChart.render("service-monitor.yaml",
        Map.of()).find("ServiceMonitor", "workers"));

    assertThat(KubernetesSchemas.covers(monitor)).isFalse();
    assertThat(KubernetesSchemas.problems(monitor)).singleElement().asString()
        .contains("no Kubernetes schema");
  }

  private static Map<String, Object> workerJob() {
    return HelmChart.render(Map.of("runId", "schema")).find("Job", "workers");
  }

  private static Map<String, Object> podSpec(Map<String, Object> job) {
    return Yaml.at(job, "spec", "template", "spec");
  }
}
