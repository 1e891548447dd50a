package dev.loadtest.spec;

import dev.loadtest.spec.ScalarNode.ScalarType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns YAML text into a {@link SpecNode} tree using SnakeYAML Engine's node API, so that every
 * node keeps its 1-based line and column. Environment references in scalar values are
 * substituted before the scalar is typed.
 *
 * <p>Limitation: anchors, aliases and merge keys ({@code <<}) are rejected; a spec short enough
 * to read in one screen should repeat a value rather than make readers chase a reference.
 * Limitation: explicit tags such as {@code !!str} are ignored; quote a value to make it text.
 *
 * <p>Not thread-safe: collects problems into the list it was given.
 */
final class YamlTreeReader {

  private final Optional<EnvironmentSubstitution> substitution;
  private final IdentityHashMap<ScalarNode, String> rawTextOfSubstituted;
  private final List<SpecProblem> problems;

  YamlTreeReader(
      Optional<EnvironmentSubstitution> substitution,
      IdentityHashMap<ScalarNode, String> rawTextOfSubstituted,
      List<SpecProblem> problems) {
    this.substitution = substitution;
    this.rawTextOfSubstituted = rawTextOfSubstituted;
    this.problems = problems;
  }

  /** Reads the one document of a text; empty if the text is empty or not valid YAML. */
  Optional<SpecNode> read(SpecSource source, String text, String rootPath) {
    // Non-scalar keys are let through so that the error can point at the key.
    LoadSettings settings = LoadSettings.builder().setLabel(source.displayName())
        .setAllowNonScalarKeys(true).build();
    try {
      Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
      if (!documents.hasNext()) {
        return Optional.empty();
      }
      SpecNode root = convert(source, documents.next(), rootPath);
      if (documents.hasNext()) {
        Node extra = documents.next();
        problems.add(new SpecProblem(location(source, extra.getStartMark()), rootPath,
            "a spec file holds one YAML document, but a second one starts here; remove '---'"));
      }
      return Optional.of(root);
    } catch (MarkedYamlEngineException e) {
      problems.add(syntaxProblem(source, rootPath, e));
    } catch (YamlEngineException e) {
      problems.add(new SpecProblem(new SourceLocation(source, 1, 1), rootPath,
          "invalid YAML: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static SpecProblem syntaxProblem(
      SpecSource source, String path, MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    // "Unexpected end of stream" points past the text; where the construct opened is more use.
    boolean pastText = mark.isPresent() && source.line(mark.get().getLine() + 1).isBlank();
    if (pastText && e.getContextMark().isPresent()) {
      mark = e.getContextMark();
    }
    StringBuilder message = new StringBuilder("invalid YAML: ").append(e.getProblem());
    if (e.getContext() != null && e.getContextMark().isPresent()) {
      Mark context = e.getContextMark().get();
      message.append(' ').append(e.getContext());
      if (mark.get() == context) {
        message.append(" that starts here");
      } else {
        message.append(" that starts at line ").append(context.getLine() + 1)
            .append(", column ").append(context.getColumn() + 1);
      }
    }
    return new SpecProblem(location(source, mark), path, message.toString());
  }

  private SpecNode convert(SpecSource source, Node node, String path) {
    if (node.getAnchor().isPresent()) {
      problems.add(new SpecProblem(location(source, node.getStartMark()), path,
          "anchors and aliases (&" + node.getAnchor().get().getValue()
              + ") are not supported; write the value out where it is used"));
    }
    if (node instanceof MappingNode mapping) {
      return convertMapping(source, mapping, path);
    }
    if (node instanceof SequenceNode sequence) {
      return convertSequence(source, sequence, path);
    }
    return convertScalar(source, (org.snakeyaml.engine.v2.nodes.ScalarNode) node, path);
  }

  private ListNode convertSequence(SpecSource source, SequenceNode sequence, String path) {
    List<SpecNode> elements = new ArrayList<>();
    for (Node element : sequence.getValue()) {
      elements.add(convert(source, element, SpecNode.elementPath(path, elements.size())));
    }
    return new ListNode(elements, location(source, sequence.getStartMark()), path);
  }

  private MapNode convertMapping(SpecSource source, MappingNode mapping, String path) {
    Map<String, SpecNode> fields = new LinkedHashMap<>();
    Map<String, SourceLocation> keyLocations = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      SourceLocation keyLocation = location(source, tuple.getKeyNode().getStartMark());
      Optional<String> key = keyText(tuple.getKeyNode(), keyLocation, path);
      if (key.isEmpty()) {
        continue;
      }
      String childPath = SpecNode.childPath(path, key.get());
      if (fields.containsKey(key.get())) {
        SourceLocation first = keyLocations.get(key.get());
        problems.add(new SpecProblem(keyLocation, childPath, "duplicate key '" + key.get()
            + "' (first written at line " + first.line() + ", column " + first.column() + ")"));
        continue;
      }
      fields.put(key.get(), convert(source, tuple.getValueNode(), childPath));
      keyLocations.put(key.get(), keyLocation);
    }
    return new MapNode(fields, keyLocations, location(source, mapping.getStartMark()), path);
  }

  // Keys are never substituted: a key names a setting, it is not a value.
  private Optional<String> keyText(Node keyNode, SourceLocation where, String parentPath) {
    if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar)) {
      String kind = keyNode instanceof MappingNode ? "a mapping" : "a list";
      problems.add(new SpecProblem(where, parentPath, "a key must be text, not " + kind));
      return Optional.empty();
    }
    String text = scalar.getValue();
    if (scalar.isPlain() && text.equals("<<")) {
      problems.add(new SpecProblem(where, parentPath,
          "merge keys (<<) are not supported; write the keys out"));
      return Optional.empty();
    }
    ScalarType type = scalar.isPlain() ? CoreSchemaScalars.typeOf(text) : ScalarType.STRING;
    if (type != ScalarType.STRING) {
      problems.add(new SpecProblem(where, parentPath, "a key must be text, but " + text
          + " reads as " + describe(type) + "; quote it if you mean the text: '" + text + "'"));
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private static String describe(ScalarType type) {
    return switch (type) {
      case INTEGER -> "an integer";
      case FLOAT -> "a number";
      case BOOLEAN -> "true/false";
      case NULL -> "an empty value";
      case STRING -> "text";
    };
  }

  private ScalarNode convertScalar(
      SpecSource source, org.snakeyaml.engine.v2.nodes.ScalarNode scalar, String path) {
    SourceLocation where = location(source, scalar.getStartMark());
    String raw = scalar.getValue();
    String text = raw;
    boolean substituted = false;
    if (substitution.isPresent()) {
      EnvironmentSubstitution.Result result = substitution.get().apply(raw);
      result.missing().forEach(m -> problems.add(missingVariable(source, where, path, m)));
      text = result.text();
      substituted = result.substituted();
    }
    ScalarType type = scalar.isPlain() ? CoreSchemaScalars.typeOf(text) : ScalarType.STRING;
    ScalarNode node =
        new ScalarNode(CoreSchemaScalars.canonicalText(text, type), type, where, path);
    if (substituted) {
      rawTextOfSubstituted.put(node, raw);
    }
    return node;
  }

  private static SpecProblem missingVariable(SpecSource source, SourceLocation scalarStart,
      String path, EnvironmentSubstitution.Missing missing) {
    SourceLocation where = find(source, scalarStart, "${" + missing.name());
    return new SpecProblem(where, path, "environment variable " + missing.name()
        + " is not set; set it, or give a default: ${" + missing.name() + ":-value}");
  }

  // Finds text at or after a scalar's start: the scalar's value may span lines or be quoted.
  private static SourceLocation find(SpecSource source, SourceLocation from, String needle) {
    int column = from.column() - 1;
    for (int line = from.line(); line <= source.lines().size(); line++) {
      int index = source.line(line).indexOf(needle, column);
      if (index >= 0) {
        return new SourceLocation(source, line, index + 1);
      }
      column = 0;
    }
    return from;
  }

  static SourceLocation location(SpecSource source, Optional<Mark> mark) {
    return mark.map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new SourceLocation(source, 1, 1));
  }
}
