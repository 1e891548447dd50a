package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code helm lint} and {@code helm template} of charts/loadtest with a real helm, and every
 * rendered manifest checked against the Kubernetes API schema and the chart's promises:
 * recommended labels, non-root pods, one Indexed Job of N workers, scrape annotations.
 */
class ChartRenderTest {

  /**
   * A set of values and what the chart must make of it.
   *
   * @param valuesFile a fixture of src/test/resources/dev/loadtest/chart, or null
   * @param workers the number of workers the values ask for
   * @param metricsPort the port the workers serve /metrics on
   */
  record Release(String name, String valuesFile, Map<String, Object> sets, int workers,
      int metricsPort) {

    RenderedRelease render() {
      return HelmChart.render(valuesFile, sets);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The value sets every check runs over. */
  static Stream<Release> releases() {
    return Stream.of(
        // The chart's own values: two workers, the inline quickstart, a claim of its own.
        new Release("defaults", null, Map.of(), 2, 9464),
        // One worker: the Job is still Indexed, with segment 1/1.
        new Release("one worker", null, Map.of("workers", 1, "runId", "solo"), 1, 9464),
        // Seven workers, a prime: nothing in the chart assumes an even split.
        new Release("seven workers", null, Map.of("workers", 7, "runId", "seven"), 7, 9464),
        // The spec from a ConfigMap made outside the chart, overlays, --set items, secrets.
        new Release("existing ConfigMap", "existing-config-map.yaml", Map.of(), 3, 9464),
        // ServiceMonitor and its Service, Pushgateway, strict spreading, an existing claim.
        new Release("ServiceMonitor", "service-monitor.yaml", Map.of(), 4, 9500));
  }

  @Test
  void lintPassesInStrictMode() {
    LintResult lint = HelmChart.lint();

    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]")
        || message.contains("[ERROR]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void everyManifestPassesTheKubernetesSchema(Release values) {
    RenderedRelease release = values.render();

    for (Map<String, Object> manifest : release.manifests()) {
      if (KubernetesSchemas.covers(manifest)) {
        assertThat(KubernetesSchemas.problems(manifest)).as("%s in\n%s",
            RenderedRelease.name(manifest), release).isEmpty();
      } else {
        // The one custom resource: its fields are checked in serviceMonitorScrapesWorkers.
        assertThat(manifest.get("kind")).isEqualTo("ServiceMonitor");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void everyManifestCarriesTheRecommendedLabels(Release values) {
    RenderedRelease release = values.render();

    for (Map<String, Object> manifest : release.manifests()) {
      Map<String, Object> labels = Yaml.at(manifest, "metadata", "labels");
      assertThat(labels).as(RenderedRelease.name(manifest))
          .containsEntry("app.kubernetes.io/name", "loadtest")
          .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("app.kubernetes.io/part-of", "loadtest")
          .containsKeys("app.kubernetes.io/version", "helm.sh/chart", "loadtest.dev/run-id");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void podsRunAsNonRootWithoutPrivileges(Release values) {
    RenderedRelease release = values.render();

    for (String job : List.of("workers", "merge")) {
      Map<String, Object> pod = Yaml.at(release.find("Job", job), "spec", "template", "spec");
      assertThat(Yaml.map(pod.get("securityContext")))
          .containsEntry("runAsNonRoot", true)
          .containsEntry("runAsUser", 10001);
      assertThat(pod).containsEntry("automountServiceAccountToken", false)
          .containsEntry("restartPolicy", "Never");
      Stream.concat(Yaml.maps(pod.get("containers")).stream(),
              Yaml.maps(pod.getOrDefault("initContainers", List.of())).stream())
          .forEach(container -> assertThat(Yaml.map(container.get("securityContext")))
              .as("%s/%s", job, container.get("name"))
              .containsEntry("allowPrivilegeEscalation", false)
              .containsEntry("readOnlyRootFilesystem", true)
              .containsEntry("capabilities", Map.of("drop", List.of("ALL"))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void workersAreOneIndexedJobWithScrapeAnnotations(Release values) {
    RenderedRelease release = values.render();
    Map<String, Object> job = release.find("Job", "workers");
    int workers = values.workers();

    assertThat(Yaml.at(job, "spec"))
        .containsEntry("completionMode", "Indexed")
        .containsEntry("completions", workers)
        .containsEntry("parallelism", workers)
        .containsEntry("backoffLimitPerIndex", 0)
        .containsEntry("maxFailedIndexes", workers);
    assertThat(Yaml.at(job, "spec", "template", "metadata", "annotations"))
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(values.metricsPort()))
        .containsEntry("prometheus.io/path", "/metrics");
    assertThat(Yaml.at(release.find("ConfigMap", "segments"), "data"))
        .as("one argument file per completion index").hasSize(workers);
    assertThat(metricsPort(job)).isEqualTo(values.metricsPort());
  }

  private static int metricsPort(Map<String, Object> job) {
    Map<String, Object> worker = Yaml.maps(Yaml.at(job, "spec", "template", "spec")
        .get("containers")).get(0);
    Map<String, Object> port = Yaml.maps(worker.get("ports")).get(0);
    assertThat(port).containsEntry("name", "metrics");
    return (Integer) port.get("containerPort");
  }

  @Test
  void specFromAnExistingConfigMapSitsBesideTheInlineOverlays() {
    RenderedRelease release = HelmChart.render("existing-config-map.yaml", Map.of());
    Map<String, Object> pod = Yaml.at(release.find("Job", "workers"), "spec", "template",
        "spec");
    Map<String, Object> specVolume = Yaml.maps(pod.get("volumes")).get(0);

    assertThat(Yaml.at(release.find("ConfigMap", "spec"), "data"))
        .as("the inline spec is not rendered when the spec comes from team-specs")
        .containsOnlyKeys("night.yaml");
    assertThat(Yaml.maps(Yaml.at(specVolume, "projected").get("sources")))
        .extracting(source -> Yaml.map(source.get("configMap")).get("name"))
        .containsExactly("team-specs", "lt-loadtest-spec");
  }

  @Test
  void anOverlayWithoutContentNeedsAnExistingConfigMap() {
    Map<String, Object> sets = Map.of("overlays[0].file", "smoke.yaml");

    assertThatThrownBy(() -> HelmChart.render(sets))
        .hasMessageContaining("overlays: smoke.yaml has no content");
  }

  @Test
  void serviceMonitorScrapesTheWorkersThroughAHeadlessService() {
    RenderedRelease release = HelmChart.render("service-monitor.yaml", Map.of());
    Map<String, Object> service = release.find("Service", "workers");
    Map<String, Object> monitor = release.find("ServiceMonitor", "workers");
    Map<String, Object> workerLabels = Yaml.at(release.find("Job", "workers"), "spec",
        "template", "metadata", "labels");

    assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
    assertThat(Yaml.at(monitor, "metadata", "labels"))
        .containsEntry("release", "kube-prometheus-stack");
    assertThat(workerLabels).containsAllEntriesOf(Yaml.at(service, "spec", "selector"));
    assertThat(Yaml.at(service, "metadata", "labels"))
        .containsAllEntriesOf(Yaml.at(monitor, "spec", "selector", "matchLabels"));
    assertThat(Yaml.at(monitor, "spec", "namespaceSelector"))
        .isEqualTo(Map.of("matchNames", List.of(HelmChart.NAMESPACE)));
    assertThat(Yaml.maps(Yaml.at(monitor, "spec").get("endpoints")))
        .containsExactly(Map.of("port", "metrics", "path", "/metrics", "interval", "5s"));
    assertThat(Yaml.at(service, "spec")).containsEntry("clusterIP", "None");
    assertThat(Yaml.maps(Yaml.at(service, "spec").get("ports")).get(0))
        .containsEntry("name", "metrics").containsEntry("port", 9500)
        .containsEntry("targetPort", "metrics");
  }

  @Test
  void withoutServiceMonitorThereIsNoServiceEither() {
    assertThat(HelmChart.render(Map.of()).kinds())
        .containsExactlyInAnyOrder("ConfigMap", "ConfigMap", "PersistentVolumeClaim", "Job",
            "Job");
  }

  @Test
  void workersSpreadOverNodesAndRequiredAntiAffinityIsHonoured() {
    Map<String, Object> preferred = Yaml.at(HelmChart.render(Map.of()).find("Job", "workers"),
        "spec", "template", "spec");
    Map<String, Object> required = Yaml.at(HelmChart.render("service-monitor.yaml", Map.of())
        .find("Job", "workers"), "spec", "template", "spec");

    assertThat(Yaml.maps(preferred.get("topologySpreadConstraints")).get(0))
        .containsEntry("topologyKey", "kubernetes.io/hostname")
        .containsEntry("whenUnsatisfiable", "ScheduleAnyway");
    assertThat(Yaml.at(preferred, "affinity", "podAntiAffinity"))
        .containsOnlyKeys("preferredDuringSchedulingIgnoredDuringExecution");
    assertThat(Yaml.maps(required.get("topologySpreadConstraints")).get(0))
        .containsEntry("whenUnsatisfiable", "DoNotSchedule");
    assertThat(Yaml.at(required, "affinity", "podAntiAffinity"))
        .containsOnlyKeys("requiredDuringSchedulingIgnoredDuringExecution");
    assertThat(Yaml.at(HelmChart.render(Map.of("spread.antiAffinity", "none"))
        .find("Job", "workers"), "spec", "template", "spec")).doesNotContainKey("affinity");
  }

  @Test
  void resultsClaimIsKeptAfterUninstallUnlessToldOtherwise() {
    Map<String, Object> kept = HelmChart.render(Map.of()).find("PersistentVolumeClaim",
        "results");
    Map<String, Object> dropped = HelmChart.render(Map.of("results.keep", false))
        .find("PersistentVolumeClaim", "results");

    assertThat(Yaml.at(kept, "metadata", "annotations"))
        .containsEntry("helm.sh/resource-policy", "keep");
    assertThat(Yaml.at(kept, "spec").get("accessModes")).isEqualTo(List.of("ReadWriteMany"));
    assertThat(Yaml.map(dropped.get("metadata"))).doesNotContainKey("annotations");
    assertThat(HelmChart.render("service-monitor.yaml", Map.of()).kinds())
        .as("an existing claim is used, not created").doesNotContain("PersistentVolumeClaim");
  }
}
