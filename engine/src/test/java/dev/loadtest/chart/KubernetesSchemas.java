package dev.loadtest.chart;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Service;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks rendered manifests against the Kubernetes API's OpenAPI schema, offline, through the
 * models that the official Java client generates from it (client-java-api 24, Kubernetes
 * 1.32): a field the API does not define, a missing required field or a value of the wrong
 * type is a problem. On top, the API server's own rules for names and labels that the
 * schema does not express. Stateless and thread-safe.
 *
 * <p>The generated models are stricter than the npm package kubernetes-models, whose
 * validators accept unknown fields: a misspelt {@code topologySpreadConstraint} would pass
 * there and be silently dropped by the API server.
 */
final class KubernetesSchemas {

  /** The kinds of the Kubernetes API the chart renders, by {@code apiVersion/kind}. */
  private static final Map<String, Class<?>> MODELS = Map.of(
      "v1/ConfigMap", V1ConfigMap.class,
      "v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class,
      "v1/Service", V1Service.class,
      "batch/v1/Job", V1Job.class);

  // RFC 1123 names as the API server checks them (IsDNS1123Subdomain, IsDNS1123Label).
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private KubernetesSchemas() {}

  /** True when the chart renders this kind and the Kubernetes API schema covers it. */
  static boolean covers(Map<String, Object> manifest) {
    return MODELS.containsKey(typeOf(manifest));
  }

  /** Every problem found in one manifest; empty when the API server would accept it. */
  static List<String> problems(Map<String, Object> manifest) {
    String type = typeOf(manifest);
    Class<?> model = MODELS.get(type);
    if (model == null) {
      return List.of(type + ": no Kubernetes schema for this kind");
    }
    List<String> problems = new ArrayList<>();
    JsonElement json = new Gson().toJsonTree(manifest);
    schemaProblem(model, json).ifPresent(problem -> problems.add(type + ": " + problem));
    problems.addAll(nameProblems(type, manifest));
    return problems;
  }

  private static Optional<String> schemaProblem(Class<?> model, JsonElement json) {
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
    } catch (InvocationTargetException e) {
      return Optional.of(withoutJsonDump(e.getCause().getMessage()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("client-java model without validateJsonElement: " + model,
          e);
    }
    return valueProblem(model, json);
  }

  // Validation checks names and shapes; reading into the typed model checks the values.
  // A value of the wrong type is named by its text, not by its path: the generated models
  // read the whole object before they convert it, so the reader's path is lost.
  private static Optional<String> valueProblem(Class<?> model, JsonElement json) {
    try {
      JSON.getGson().fromJson(json, model);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("bad value: " + e.getMessage());
    }
  }

  private static List<String> nameProblems(String type, Map<String, Object> manifest) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> metadata = Yaml.map(manifest.get("metadata"));
    String name = String.valueOf(metadata.get("name"));
    // A Job's name becomes a pod label value, so it is held to 63 characters.
    int nameLimit = type.endsWith("/Job") || type.endsWith("/Service") ? 63 : 253;
    if (name.length() > nameLimit || !SUBDOMAIN.matcher(name).matches()) {
      problems.add(type + " " + name + ": not a valid name of at most " + nameLimit + " chars");
    }
    labelProblems(name, metadata, problems);
    if (type.endsWith("/Job")) {
      containerProblems(name, Yaml.at(manifest, "spec", "template", "spec"), problems);
    }
    if (manifest.get("data") instanceof Map<?, ?> data) {
      data.keySet().stream().map(String::valueOf)
          .filter(key -> !CONFIG_MAP_KEY.matcher(key).matches())
          .forEach(key -> problems.add(name + ": invalid ConfigMap key " + key));
    }
    return problems;
  }

  private static void labelProblems(String name, Map<String, Object> metadata,
      List<String> problems) {
    if (!(metadata.get("labels") instanceof Map<?, ?> labels)) {
      return;
    }
    labels.forEach((key, value) -> {
      String text = String.valueOf(value);
      if (text.length() > 63 || !LABEL_VALUE.matcher(text).matches()) {
        problems.add(name + ": label " + key + " has an invalid value '" + text + "'");
      }
      String keyName = String.valueOf(key).replaceFirst("^.*/", "");
      if (keyName.length() > 63 || !LABEL_VALUE.matcher(keyName).matches()) {
        problems.add(name + ": invalid label key " + key);
      }
    });
  }

  // Container names are RFC 1123 labels; port names too, of at most 15 characters.
  private static void containerProblems(String name, Map<String, Object> pod,
      List<String> problems) {
    List<Map<String, Object>> containers = new ArrayList<>(Yaml.maps(pod.getOrDefault(
        "containers", List.of())));
    containers.addAll(Yaml.maps(pod.getOrDefault("initContainers", List.of())));
    for (Map<String, Object> container : containers) {
      String containerName = String.valueOf(container.get("name"));
      if (!isLabel(containerName, 63)) {
        problems.add(name + ": invalid container name " + containerName);
      }
      for (Map<String, Object> port : Yaml.maps(container.getOrDefault("ports", List.of()))) {
        String portName = String.valueOf(port.get("name"));
        if (port.containsKey("name") && !isLabel(portName, 15)) {
          problems.add(name + "/" + containerName + ": invalid port name " + portName);
        }
      }
    }
  }

  private static boolean isLabel(String text, int limit) {
    return text.length() <= limit && LABEL.matcher(text).matches();
  }

  private static String typeOf(Map<String, Object> manifest) {
    return manifest.get("apiVersion") + "/" + manifest.get("kind");
  }

  // The generated models append the whole JSON to their message; the field name is enough.
  private static String withoutJsonDump(String message) {
    int dump = message.indexOf(" JSON: ");
    return dump < 0 ? message : message.substring(0, dump);
  }
}
