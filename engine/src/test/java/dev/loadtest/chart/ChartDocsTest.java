package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values file docs/kubernetes.md shows is one the chart takes, and does what it says. */
class ChartDocsTest {

  private static final Path DOC = HelmChart.ROOT.resolve("docs/kubernetes.md");
  private static final Pattern VALUES_BLOCK =
      Pattern.compile("with `checkout-values.yaml`:\\n\\n```yaml\\n(.*?)```", Pattern.DOTALL);

  @TempDir
  Path scratch;

  @Test
  void theDocumentedValuesFileRendersValidManifests() throws IOException {
    Matcher block = VALUES_BLOCK.matcher(Files.readString(DOC));
    assertThat(block.find()).as("the checkout-values.yaml block of %s", DOC).isTrue();
    Path values = Files.writeString(scratch.resolve("checkout-values.yaml"), block.group(1));

    RenderedRelease release = HelmChart.render(values, Map.of());

    for (Map<String, Object> manifest : release.manifests()) {
      assertThat(KubernetesSchemas.problems(manifest)).as(RenderedRelease.name(manifest))
          .isEmpty();
    }
    Map<String, Object> job = release.find("Job", "workers");
    assertThat(Yaml.at(job, "spec")).containsEntry("completions", 8);
    Map<String, Object> worker = Yaml.maps(Yaml.at(job, "spec", "template", "spec")
        .get("containers")).get(0);
    assertThat(worker).containsEntry("image", "registry.example.com/loadtest:0.1.0");
    assertThat(Yaml.list(worker.get("args"))).containsSubsequence("-f", "/spec/checkout.yaml",
        "-f", "/spec/peak.yaml", "-f", "/spec/night.yaml");
  }
}
