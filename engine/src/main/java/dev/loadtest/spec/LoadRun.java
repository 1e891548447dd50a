package dev.loadtest.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one {@link SpecLoader} call: the problems found so far and which scalars took
 * their value from the environment (so messages can hide it). Not thread-safe; one per call.
 */
final class LoadRun {

  private final List<SpecProblem> problems = new ArrayList<>();
  private final IdentityHashMap<ScalarNode, String> rawTextOfSubstituted = new IdentityHashMap<>();
  private final YamlTreeReader fileReader;
  private final SetOverrides setOverrides;

  LoadRun(EnvironmentSubstitution substitution) {
    this.fileReader =
        new YamlTreeReader(Optional.of(substitution), rawTextOfSubstituted, problems);
    // --set values come from the command line, where the shell has already expanded variables.
    YamlTreeReader valueReader = new YamlTreeReader(Optional.empty(), rawTextOfSubstituted,
        problems);
    this.setOverrides = new SetOverrides(valueReader, problems);
  }

  /** The top-level mapping of one file; empty, with a problem, if there is none. */
  Optional<MapNode> readRoot(SpecSource source, String text) {
    int before = problems.size();
    Optional<SpecNode> root = fileReader.read(source, text, "");
    boolean empty = root.isEmpty()
        || root.get() instanceof ScalarNode scalar && scalar.type() == ScalarNode.ScalarType.NULL;
    if (empty && problems.size() == before) {
      problems.add(new SpecProblem(new SourceLocation(source, 1, 1), "",
          "the file is empty; a spec is a mapping with at least name, target and scenarios"));
    } else if (root.isPresent() && !empty && !(root.get() instanceof MapNode)) {
      problems.add(SpecProblem.at(root.get(), "the top level must be a mapping of keys such as "
          + "name, target and scenarios, not " + root.get().kindDescription()));
    }
    return root.filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }

  MapNode applySets(MapNode root, List<String> sets) {
    MapNode result = root;
    for (String set : sets) {
      result = setOverrides.apply(result, set);
    }
    return result;
  }

  /** Adds the schema's findings, except on paths that already have a problem. */
  void validate(MapNode root) {
    SpecSchema schema = SpecSchema.get();
    ValueDisplay display = new ValueDisplay(rawTextOfSubstituted);
    SchemaErrorTranslator translator = new SchemaErrorTranslator(schema, root, display);
    List<SpecProblem> found = translator.translate(schema.validate(JsonTree.toJson(root)));
    // A missing variable or a duplicate key also upsets the schema; one message is enough.
    Set<String> reported = new HashSet<>();
    problems.forEach(problem -> reported.add(problem.path()));
    found.stream().filter(problem -> !reported.contains(problem.path())).forEach(problems::add);
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Problems without duplicates, in file order (files, then --set items), line, column. */
  List<SpecProblem> sortedProblems(List<SpecSource> fileSources) {
    Map<SpecSource, Integer> order = new IdentityHashMap<>();
    fileSources.forEach(source -> order.putIfAbsent(source, order.size()));
    setOverrides.sources().forEach(source -> order.putIfAbsent(source, order.size()));
    Comparator<SpecProblem> byPlace = Comparator
        .<SpecProblem>comparingInt(p -> order.getOrDefault(p.location().source(), order.size()))
        .thenComparingInt(p -> p.location().line())
        .thenComparingInt(p -> p.location().column())
        .thenComparing(SpecProblem::path);
    return new LinkedHashSet<>(problems).stream().sorted(byPlace).toList();
  }
}
