package dev.loadtest.spec;

import static dev.loadtest.spec.SpecFixtures.MINIMAL;
import static dev.loadtest.spec.SpecFixtures.find;
import static dev.loadtest.spec.SpecFixtures.load;
import static dev.loadtest.spec.SpecFixtures.onlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.ScalarNode.ScalarType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ${NAME} and ${NAME:-default} in values, escapes, run-time templates, and secrets. */
class EnvironmentSubstitutionTest {

  private static final Map<String, String> ENV =
      Map.of("HOST", "http://shop:8080", "USERS", "25", "EMPTY", "");

  static Stream<Arguments> values() {
    return Stream.of(
        // A set variable.
        Arguments.of("${HOST}", ScalarType.STRING, "http://shop:8080"),
        // Inside other text.
        Arguments.of("\"url=${HOST}/x\"", ScalarType.STRING, "url=http://shop:8080/x"),
        // Unset, with a default.
        Arguments.of("${PORT:-8080}", ScalarType.INTEGER, "8080"),
        // Set but empty takes the default too, as in the shell.
        Arguments.of("${EMPTY:-none}", ScalarType.STRING, "none"),
        // A plain scalar is typed after substitution.
        Arguments.of("${USERS}", ScalarType.INTEGER, "25"),
        // A quoted one stays text.
        Arguments.of("\"${USERS}\"", ScalarType.STRING, "25"),
        // $${ is a literal ${.
        Arguments.of("\"$${HOST}\"", ScalarType.STRING, "${HOST}"),
        // Lower-case names are run-time templates, left for the engine.
        Arguments.of("\"${user}\"", ScalarType.STRING, "${user}"),
        // So are function calls.
        Arguments.of("\"${randomInt(1, 10)}\"", ScalarType.STRING, "${randomInt(1, 10)}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void substitutesBeforeTyping(String yaml, ScalarType type, String text) throws SpecException {
    SpecDocument document = load(ENV, MINIMAL + "variables:\n  v: " + yaml + "\n");

    ScalarNode value = (ScalarNode) ((MapNode) document.root().fields().get("variables"))
        .fields().get("v");
    assertThat(value.type()).isEqualTo(type);
    assertThat(value.text()).isEqualTo(text);
  }

  // In a flow mapping {...} a plain ${X} would open a nested mapping, so this is block style.
  @Test
  void typedIntegerPassesTheSchema() throws SpecException {
    SpecDocument document = load(ENV, MINIMAL + "load:\n  users: ${USERS:-10}\n");

    ScalarNode users = (ScalarNode) ((MapNode) document.root().fields().get("load"))
        .fields().get("users");
    assertThat(users.asLong()).isEqualTo(25);
  }

  @Test
  void unsetVariableWithoutDefaultIsAnError() {
    SpecProblem problem = onlyProblem(ENV, MINIMAL + "variables: {token: \"Bearer ${TOKEN}\"}\n");

    assertThat(SpecFixtures.oneLine(problem)).isEqualTo("spec.yaml:9:28 variables.token: "
        + "environment variable TOKEN is not set; set it, or give a default: ${TOKEN:-value}");
  }

  @Test
  void secretNeverAppearsInMessages() {
    String secret = "hunter2-very-secret";
    Map<String, String> env = Map.of("API_KEY", secret);
    // The secret lands where the schema rejects it: as a URL, as a number, as an unknown key.
    String text = MINIMAL.replace("baseUrl: mock", "baseUrl: ${API_KEY}")
        + "load:\n  users: ${API_KEY}\nvariables: {k: [\"${API_KEY}\"]}\n";

    List<SpecProblem> problems = SpecFixtures.problems(env, text);

    assertThat(problems).hasSize(3);
    assertThat(SpecErrorFormatter.format(problems)).doesNotContain(secret)
        .contains("got '${API_KEY}'").contains("got text from '${API_KEY}'");
  }
}
