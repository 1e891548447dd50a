package dev.loadtest.chart;

import java.util.List;
import java.util.Map;

/** Casts for walking parsed YAML, with a clear message when the shape is not the expected one. */
final class Yaml {

  private Yaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a mapping, found " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    if (!(node instanceof List<?>)) {
      throw new IllegalArgumentException("expected a list, found " + node);
    }
    return (List<Object>) node;
  }

  /** Follows a path of mapping keys, e.g. {@code at(job, "spec", "template", "spec")}. */
  static Map<String, Object> at(Map<String, Object> node, String... keys) {
    Map<String, Object> current = node;
    for (String key : keys) {
      current = map(current.get(key));
    }
    return current;
  }

  /** The mappings of a list, e.g. the containers of a pod spec. */
  static List<Map<String, Object>> maps(Object node) {
    return list(node).stream().map(Yaml::map).toList();
  }
}
