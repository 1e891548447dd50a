package dev.loadtest.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart in {@code charts/loadtest}, driven by the real helm that helm-java bundles (its Go
 * library in a jar: no helm binary, no cluster, no network). Stateless.
 */
final class HelmChart {

  /** The Kubernetes version the chart is rendered for, as {@code helm template --kube-version}. */
  static final String KUBERNETES_VERSION = "1.32.0";

  static final String RELEASE = "lt";
  static final String NAMESPACE = "load";

  static final Path ROOT = Path.of(System.getProperty("loadtest.repository.root", ".."));
  private static final Path CHART = ROOT.resolve("charts/loadtest");
  private static final Path VALUES = ROOT.resolve("engine/src/test/resources/dev/loadtest/chart");

  private HelmChart() {}

  static Path directory() {
    if (!Files.isRegularFile(CHART.resolve("Chart.yaml"))) {
      throw new IllegalStateException("no chart at " + CHART.toAbsolutePath());
    }
    return CHART;
  }

  /** {@code helm lint --strict} with the chart's own values. */
  static LintResult lint() {
    return new Helm(directory()).lint().strict().call();
  }

  /**
   * {@code helm template} with a values file of this folder's fixtures (null for none) and
   * {@code --set} items on top.
   *
   * @throws IllegalStateException with helm's message when rendering fails
   */
  static RenderedRelease render(String valuesFile, Map<String, Object> sets) {
    return render(valuesFile == null ? null : VALUES.resolve(valuesFile), sets);
  }

  /** {@code helm template} with any values file (null for none) and --set items on top. */
  static RenderedRelease render(Path valuesFile, Map<String, Object> sets) {
    TemplateCommand template = new Helm(directory()).template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBERNETES_VERSION);
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return RenderedRelease.parse(template.call());
  }

  static RenderedRelease render(Map<String, Object> sets) {
    return render((Path) null, sets);
  }
}
