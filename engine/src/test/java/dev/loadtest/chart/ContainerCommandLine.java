package dev.loadtest.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The command line a rendered container runs, as the kubelet starts it and the loadtest CLI
 * reads it: {@code $(VAR)} references expanded from the container's environment (downward-API
 * values given by the caller), and {@code @FILE} arguments expanded by picocli itself from the
 * ConfigMaps the container mounts, which are laid out under a local folder.
 *
 * <p>{@link #arguments()} uses the container's paths, for checks against the CLI contract;
 * {@link #localArguments()} maps every mount to its local folder, so that the same command
 * line can run on this machine ({@code loadtest} followed by those arguments).
 *
 * @param arguments the CLI arguments after the image's entrypoint, in container paths
 * @param mounts each mount path of the container and the local folder standing for it
 * @param environment the container's variables with a literal value or a given downward-API
 *     value; those from Secrets and other sources are left out
 */
record ContainerCommandLine(List<String> arguments, Map<String, Path> mounts,
    Map<String, String> environment) {

  /** The field path of the Job's completion index, for the downward-API values. */
  static final String COMPLETION_INDEX =
      "metadata.annotations['batch.kubernetes.io/job-completion-index']";

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  ContainerCommandLine {
    arguments = List.copyOf(arguments);
    mounts = Map.copyOf(mounts);
    environment = Map.copyOf(environment);
  }

  /**
   * Resolves one container of a rendered workload (a Job).
   *
   * @param fieldValues downward-API values by field path, e.g. {@link #COMPLETION_INDEX}
   * @param localRoot an empty folder; the mounts are laid out under it
   */
  static ContainerCommandLine of(RenderedRelease release, Map<String, Object> workload,
      String containerName, Map<String, String> fieldValues, Path localRoot) throws IOException {
    Map<String, Object> pod = Yaml.at(workload, "spec", "template", "spec");
    Map<String, Object> container = container(pod, containerName);
    if (container.containsKey("command")) {
      throw new IllegalArgumentException(containerName + " replaces the image's entrypoint;"
          + " only the entrypoint's arguments are resolved here");
    }
    Map<String, String> environment = environment(container, fieldValues);
    Map<String, Path> mounts = layOutMounts(release, pod, container, localRoot);
    List<String> expanded = new ArrayList<>();
    for (Object argument : Yaml.list(container.getOrDefault("args", List.of()))) {
      expanded.add(expandReferences(String.valueOf(argument), environment));
    }
    return new ContainerCommandLine(expandArgumentFiles(expanded, mounts), mounts,
        environment);
  }

  /** The values of every occurrence of an option, e.g. {@code values("--set")}. */
  List<String> values(String option) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < arguments.size() - 1; i++) {
      if (arguments.get(i).equals(option)) {
        values.add(arguments.get(i + 1));
      }
    }
    return values;
  }

  /** The value of an option given once; fails when it is absent or repeated. */
  String value(String option) {
    List<String> values = values(option);
    if (values.size() != 1) {
      throw new IllegalStateException(option + " given " + values.size() + " times in "
          + arguments);
    }
    return values.get(0);
  }

  /** The arguments with each mounted container path replaced by its local folder. */
  List<String> localArguments() {
    List<String> mountPaths = mounts.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    return arguments.stream().map(argument -> localPath(argument, mountPaths)).toList();
  }

  private String localPath(String argument, List<String> mountPaths) {
    for (String mountPath : mountPaths) {
      if (argument.equals(mountPath) || argument.startsWith(mountPath + "/")) {
        return mounts.get(mountPath) + argument.substring(mountPath.length());
      }
    }
    return argument;
  }

  private static Map<String, Object> container(Map<String, Object> pod, String name) {
    return Yaml.maps(pod.get("containers")).stream()
        .filter(container -> name.equals(container.get("name")))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no container " + name + " in " + pod));
  }

  // Literal values and the downward-API fields the caller knows; others stay unexpanded, as
  // Kubernetes leaves $(NAME) alone when NAME is not defined.
  private static Map<String, String> environment(Map<String, Object> container,
      Map<String, String> fieldValues) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Map<String, Object> variable : Yaml.maps(container.getOrDefault("env", List.of()))) {
      String name = String.valueOf(variable.get("name"));
      if (variable.containsKey("value")) {
        environment.put(name, String.valueOf(variable.get("value")));
      } else if (variable.get("valueFrom") instanceof Map<?, ?> source
          && source.get("fieldRef") instanceof Map<?, ?> field
          && fieldValues.containsKey(String.valueOf(field.get("fieldPath")))) {
        environment.put(name, fieldValues.get(String.valueOf(field.get("fieldPath"))));
      }
    }
    return environment;
  }

  /** Kubernetes' rule for command and args: $(NAME) is replaced, $$ stands for $. */
  static String expandReferences(String text, Map<String, String> environment) {
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group(1) == null ? "$"
          : environment.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(result).toString();
  }

  // Writes each ConfigMap the release renders into the local folder of its mount; other
  // volumes (claims, emptyDirs, ConfigMaps made outside the chart) become empty folders.
  private static Map<String, Path> layOutMounts(RenderedRelease release,
      Map<String, Object> pod, Map<String, Object> container, Path localRoot) throws IOException {
    Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
    for (Map<String, Object> volume : Yaml.maps(pod.getOrDefault("volumes", List.of()))) {
      volumes.put(String.valueOf(volume.get("name")), volume);
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (Map<String, Object> mount : Yaml.maps(container.getOrDefault("volumeMounts",
        List.of()))) {
      String mountPath = String.valueOf(mount.get("mountPath"));
      Path local = Files.createDirectories(localRoot.resolve(mountPath.substring(1)));
      for (String configMap : configMapNames(volumes.get(String.valueOf(mount.get("name"))))) {
        writeConfigMap(release, configMap, local);
      }
      mounts.put(mountPath, local);
    }
    return mounts;
  }

  private static List<String> configMapNames(Map<String, Object> volume) {
    if (volume == null) {
      throw new IllegalArgumentException("a volume mount names no volume of the pod");
    }
    if (volume.get("configMap") instanceof Map<?, ?> configMap) {
      return List.of(String.valueOf(configMap.get("name")));
    }
    if (volume.get("projected") instanceof Map<?, ?> projected) {
      return Yaml.maps(projected.get("sources")).stream()
          .filter(source -> source.get("configMap") instanceof Map<?, ?>)
          .map(source -> String.valueOf(Yaml.map(source.get("configMap")).get("name")))
          .toList();
    }
    return List.of();
  }

  private static void writeConfigMap(RenderedRelease release, String name, Path folder)
      throws IOException {
    for (Map<String, Object> manifest : release.manifests()) {
      if ("ConfigMap".equals(manifest.get("kind")) && name.equals(RenderedRelease.name(manifest))
          && manifest.get("data") instanceof Map<?, ?> data) {
        for (Map.Entry<?, ?> entry : data.entrySet()) {
          Files.writeString(folder.resolve(String.valueOf(entry.getKey())),
              String.valueOf(entry.getValue()));
        }
      }
    }
  }

  // picocli reads @FILE arguments itself (the CLI leaves that on), so the contents are split
  // exactly as the CLI splits them: the file is read from its mount's local folder.
  private static List<String> expandArgumentFiles(List<String> arguments,
      Map<String, Path> mounts) {
    ContainerCommandLine paths = new ContainerCommandLine(List.of(), mounts, Map.of());
    List<String> readable = arguments.stream()
        .map(argument -> argument.startsWith("@")
            ? "@" + paths.localPath(argument.substring(1), List.copyOf(mounts.keySet()))
            : argument)
        .toList();
    Tokens tokens = new Tokens();
    new CommandLine(tokens).parseArgs(readable.toArray(String[]::new));
    return tokens.all;
  }

  /** Takes every argument as it comes, after picocli expanded the @FILE ones. */
  @Command(name = "tokens")
  static final class Tokens {
    @Unmatched
    List<String> all = new ArrayList<>();
  }
}
