package dev.loadtest.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} items after the overlays: {@code load.users=50},
 * {@code scenarios[0].weight=3}, {@code checks[0].status=[200,201]}. The value is read as YAML,
 * so it is typed like a plain scalar and may be a flow list or mapping. Missing mapping keys are
 * created; list items must already exist.
 *
 * <p>Each item becomes its own one-line {@link SpecSource} named {@code --set}, so errors in a
 * value point at the value. Not thread-safe: collects problems into the list it was given.
 */
final class SetOverrides {

  static final String SOURCE_NAME = "--set";

  private static final Pattern PATH = Pattern.compile("[^.\\[\\]=\\s]+(\\.[^.\\[\\]=\\s]+"
      + "|\\[[0-9]+])*");
  private static final Pattern SEGMENT = Pattern.compile("\\.?([^.\\[\\]=\\s]+)|\\[([0-9]+)]");

  /** One step of a path: a mapping key, or a list index when key is null. */
  private record Segment(String key, int index, int column) {}

  private final YamlTreeReader valueReader;
  private final List<SpecProblem> problems;
  private final List<SpecSource> sources = new ArrayList<>();

  SetOverrides(YamlTreeReader valueReader, List<SpecProblem> problems) {
    this.valueReader = valueReader;
    this.problems = problems;
  }

  /** The root with one item applied; the root unchanged if the item has a problem. */
  MapNode apply(MapNode root, String item) {
    SpecSource source = new SpecSource(SOURCE_NAME, List.of(item));
    sources.add(source);
    int equals = item.indexOf('=');
    String pathText = equals < 0 ? item : item.substring(0, equals);
    if (equals < 0 || !PATH.matcher(pathText).matches()) {
      problems.add(new SpecProblem(new SourceLocation(source, 1, 1), "",
          "expected path=value, like load.users=50 or scenarios[0].weight=3, got '" + item + "'"));
      return root;
    }
    List<Segment> segments = segments(pathText);
    String path = pathOf(segments, segments.size());
    // Indenting the value to its own column makes SnakeYAML's marks point into the item.
    String yaml = " ".repeat(equals + 1) + item.substring(equals + 1);
    int before = problems.size();
    SpecNode value = valueReader.read(source, yaml, path)
        .orElse(new ScalarNode("", ScalarNode.ScalarType.NULL,
            new SourceLocation(source, 1, equals + 2), path));
    if (problems.size() > before) {
      return root;
    }
    return (MapNode) with(root, segments, 0, value, source).orElse(root);
  }

  /** The one-line sources of the items applied so far, in order. */
  List<SpecSource> sources() {
    return List.copyOf(sources);
  }

  private static List<Segment> segments(String pathText) {
    List<Segment> segments = new ArrayList<>();
    Matcher matcher = SEGMENT.matcher(pathText);
    while (matcher.find()) {
      int column = matcher.start() + 1;
      if (matcher.group(1) != null) {
        int keyColumn = pathText.charAt(matcher.start()) == '.' ? column + 1 : column;
        segments.add(new Segment(matcher.group(1), -1, keyColumn));
      } else {
        segments.add(new Segment(null, Integer.parseInt(matcher.group(2)), column));
      }
    }
    return segments;
  }

  private static String pathOf(List<Segment> segments, int count) {
    String path = "";
    for (Segment segment : segments.subList(0, count)) {
      path = segment.key() != null
          ? SpecNode.childPath(path, segment.key())
          : SpecNode.elementPath(path, segment.index());
    }
    return path;
  }

  // Rebuilds the nodes along the path; every node off the path is shared with the old tree.
  private Optional<SpecNode> with(
      SpecNode node, List<Segment> segments, int depth, SpecNode value, SpecSource source) {
    if (depth == segments.size()) {
      return Optional.of(value);
    }
    Segment segment = segments.get(depth);
    if (segment.key() != null && node instanceof MapNode map) {
      return withField(map, segments, depth, value, source);
    }
    if (segment.key() == null && node instanceof ListNode list) {
      return withElement(list, segments, depth, value, source);
    }
    String expected = segment.key() != null ? "a mapping" : "a list";
    problems.add(new SpecProblem(new SourceLocation(source, 1, segment.column()), node.path(),
        "cannot set '" + pathOf(segments, segments.size()) + "': "
            + describePath(node.path()) + " is " + node.kindDescription() + ", not " + expected));
    return Optional.empty();
  }

  private Optional<SpecNode> withField(
      MapNode map, List<Segment> segments, int depth, SpecNode value, SpecSource source) {
    Segment segment = segments.get(depth);
    SourceLocation keyLocation = new SourceLocation(source, 1, segment.column());
    SpecNode child = map.field(segment.key()).orElseGet(() -> new MapNode(Map.of(), Map.of(),
        keyLocation, SpecNode.childPath(map.path(), segment.key())));
    Optional<SpecNode> changed = with(child, segments, depth + 1, value, source);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, SpecNode> fields = new LinkedHashMap<>(map.fields());
    Map<String, SourceLocation> keyLocations = new LinkedHashMap<>(map.keyLocations());
    fields.put(segment.key(), changed.get());
    keyLocations.putIfAbsent(segment.key(), keyLocation);
    return Optional.of(new MapNode(fields, keyLocations, map.location(), map.path()));
  }

  private Optional<SpecNode> withElement(
      ListNode list, List<Segment> segments, int depth, SpecNode value, SpecSource source) {
    Segment segment = segments.get(depth);
    if (segment.index() >= list.elements().size()) {
      problems.add(new SpecProblem(new SourceLocation(source, 1, segment.column()), list.path(),
          "no item [" + segment.index() + "] to set: " + describePath(list.path()) + " has "
              + countItems(list.elements().size()) + "; --set changes list items, it cannot add "
              + "them"));
      return Optional.empty();
    }
    SpecNode child = list.elements().get(segment.index());
    Optional<SpecNode> changed = with(child, segments, depth + 1, value, source);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    List<SpecNode> elements = new ArrayList<>(list.elements());
    elements.set(segment.index(), changed.get());
    return Optional.of(new ListNode(elements, list.location(), list.path()));
  }

  private static String describePath(String path) {
    return path.isEmpty() ? "the top level" : "'" + path + "'";
  }

  private static String countItems(int count) {
    return count == 1 ? "1 item" : count + " items";
  }
}
