package dev.loadtest.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The manifests {@code helm template} printed, parsed into plain maps and lists in the order
 * helm wrote them. Immutable once parsed; the maps themselves are the YAML loader's.
 *
 * @param text the rendered text, kept for failure messages
 * @param manifests one map per YAML document that is not empty
 */
record RenderedRelease(String text, List<Map<String, Object>> manifests) {

  static RenderedRelease parse(String text) {
    List<Map<String, Object>> manifests = new ArrayList<>();
    Load load = new Load(LoadSettings.builder().build());
    for (Object document : load.loadAllFromString(text)) {
      if (document instanceof Map<?, ?> map) {
        manifests.add(Yaml.map(map));
      }
    }
    return new RenderedRelease(text, List.copyOf(manifests));
  }

  /** The one manifest of this kind whose name is {@code <release>-loadtest-<suffix>}. */
  Map<String, Object> find(String kind, String nameSuffix) {
    return manifests.stream()
        .filter(manifest -> kind.equals(manifest.get("kind")))
        .filter(manifest -> name(manifest).endsWith("-" + nameSuffix))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no " + kind + " named *-" + nameSuffix
            + " in\n" + text));
  }

  List<String> kinds() {
    return manifests.stream().map(manifest -> (String) manifest.get("kind")).toList();
  }

  static String name(Map<String, Object> manifest) {
    return (String) Yaml.map(manifest.get("metadata")).get("name");
  }

  @Override
  public String toString() {
    return text;
  }
}
