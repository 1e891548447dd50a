package dev.loadtest.spec;

import static dev.loadtest.spec.SpecFixtures.MINIMAL;
import static dev.loadtest.spec.SpecFixtures.find;
import static dev.loadtest.spec.SpecFixtures.load;
import static dev.loadtest.spec.SpecFixtures.onlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.ScalarNode.ScalarType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML itself: syntax, keys, the top level, typing, and where nodes say they were written. */
class YamlReadingTest {

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // A mapping value where none may start: the scanner's own position.
        Arguments.of("syntax error", "name: x\n  bad: indent\n",
            "spec.yaml:2:6 : invalid YAML: mapping values are not allowed here"),
        // An unclosed quote runs to the end of the file; point where it opened.
        Arguments.of("unclosed quote", "name: \"unclosed\ntarget: {}\n",
            "spec.yaml:1:7 : invalid YAML: found unexpected end of stream while scanning a "
                + "quoted scalar that starts here"),
        // The second of two equal keys is the mistake.
        Arguments.of("duplicate key", MINIMAL + "load:\n  users: 1\n  users: 2\n",
            "spec.yaml:11:3 load.users: duplicate key 'users' (first written at line 10, "
                + "column 3)"),
        // A number as a key is almost always a missing quote.
        Arguments.of("number key", MINIMAL + "variables: {200: x}\n",
            "spec.yaml:9:13 variables: a key must be text, but 200 reads as an integer; "
                + "quote it if you mean the text: '200'"),
        // Anchors are rejected at the anchor.
        Arguments.of("anchor", MINIMAL + "variables: &v {a: 1}\n",
            "spec.yaml:9:12 variables: anchors and aliases (&v) are not supported; write the "
                + "value out where it is used"),
        // Merge keys are rejected at the key.
        Arguments.of("merge key", MINIMAL + "variables: {<<: {a: 1}}\n",
            "spec.yaml:9:13 variables: merge keys (<<) are not supported; write the keys out"),
        // Nothing to load.
        Arguments.of("empty file", "# only a comment\n",
            "spec.yaml:1:1 : the file is empty; a spec is a mapping with at least name, target "
                + "and scenarios"),
        // A list at the top.
        Arguments.of("top-level list", "- name: x\n",
            "spec.yaml:1:1 : the top level must be a mapping of keys such as name, target and "
                + "scenarios, not a list"),
        // Two documents in one file.
        Arguments.of("two documents", MINIMAL + "---\nname: again\n",
            "spec.yaml:10:1 : a spec file holds one YAML document, but a second one starts "
                + "here; remove '---'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void rejectsWithLocation(String name, String text, String expected) {
    assertThat(SpecFixtures.oneLine(onlyProblem(Map.of(), text))).isEqualTo(expected);
  }

  static Stream<Arguments> scalars() {
    return Stream.of(
        // Plain digits are an integer.
        Arguments.of("10", ScalarType.INTEGER, "10"),
        // Quoted digits stay text.
        Arguments.of("\"10\"", ScalarType.STRING, "10"),
        // The core schema's hexadecimal, rewritten so asLong reads it.
        Arguments.of("0x1F", ScalarType.INTEGER, "31"),
        Arguments.of("1.5", ScalarType.FLOAT, "1.5"),
        Arguments.of("true", ScalarType.BOOLEAN, "true"),
        // YAML 1.1 read yes as true; the core schema keeps it text.
        Arguments.of("yes", ScalarType.STRING, "yes"),
        Arguments.of("~", ScalarType.NULL, "~"),
        Arguments.of("", ScalarType.NULL, ""),
        // Block scalars are text.
        Arguments.of("|\n              42", ScalarType.STRING, "42\n"));
  }

  // Under request.json, where the schema takes any value, so only the typing is tested.
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("scalars")
  void typesScalarsByTheCoreSchema(String yaml, ScalarType type, String expected)
      throws SpecException {
    String text = MINIMAL.replace("request: {path: /}",
        "request:\n          path: /\n          json:\n            v: " + yaml);
    MapNode root = load(Map.of(), text).root();

    ScalarNode value = (ScalarNode) find(root, "scenarios[0].tasks[0].request.json.v");
    assertThat(value.type()).isEqualTo(type);
    assertThat(value.text()).isEqualTo(expected);
  }

  @Test
  void nodesKnowTheirPathAndPlace() throws SpecException {
    MapNode root = load(Map.of(), MINIMAL).root();

    MapNode task = (MapNode) find(root, "scenarios[0].tasks[0]");
    SpecNode path = find(root, "scenarios[0].tasks[0].request.path");
    assertThat(path.path()).isEqualTo("scenarios[0].tasks[0].request.path");
    assertThat(path.location().describe()).isEqualTo("spec.yaml:8:25");
    assertThat(task.keyLocation("request").describe()).isEqualTo("spec.yaml:8:9");
    assertThat(root.path()).isEmpty();
  }
}
