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

/** --set path=value: typing, creating keys, list items, and the mistakes it reports. */
class SetOverridesTest {

  /** Every key a load section accepts, as the unknown-key message lists them. */
  private static final String LOAD_KEYS = "(allowed here: users, rampUp, hold, rampDown, stages,"
      + " iterations, sharedIterations, pacing, correctCoordinatedOmission, arrivalRate,"
      + " duration, poisson, maxConcurrency, whenSaturated)";

  static Stream<Arguments> values() {
    return Stream.of(
        // A new key in a new mapping; typed as an integer.
        Arguments.of("load.users=50", "load.users", ScalarType.INTEGER, "50"),
        // Replaces an existing value; a URL with a port stays text.
        Arguments.of("target.baseUrl=http://x:8000", "target.baseUrl", ScalarType.STRING,
            "http://x:8000"),
        // A list item that exists.
        Arguments.of("scenarios[0].weight=3", "scenarios[0].weight", ScalarType.INTEGER, "3"),
        // A boolean.
        Arguments.of("target.followRedirects=true", "target.followRedirects",
            ScalarType.BOOLEAN, "true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void setsTypedValues(String set, String path, ScalarType type, String text) throws Exception {
    MapNode root = load(Map.of(), MINIMAL, set).root();

    ScalarNode value = (ScalarNode) find(root, path);
    assertThat(value.type()).isEqualTo(type);
    assertThat(value.text()).isEqualTo(text);
    assertThat(value.path()).isEqualTo(path);
    assertThat(value.location().source().displayName()).isEqualTo("--set");
    assertThat(value.location().column()).isEqualTo(set.indexOf('=') + 2);
  }

  @Test
  void acceptsFlowValues() throws Exception {
    MapNode root = load(Map.of(), MINIMAL, "preflight={path: /health, expectStatus: [200, 201]}")
        .root();

    ListNode statuses = (ListNode) find(root, "preflight.expectStatus");
    assertThat(statuses.elements()).extracting(node -> ((ScalarNode) node).asLong())
        .containsExactly(200L, 201L);
    assertThat(statuses.path()).isEqualTo("preflight.expectStatus");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // No '=' at all.
        Arguments.of("load.users", "--set:1:1 : expected path=value, like load.users=50 or "
            + "scenarios[0].weight=3, got 'load.users'"),
        // A path that does not parse.
        Arguments.of("load..users=1", "--set:1:1 : expected path=value, like load.users=50 or "
            + "scenarios[0].weight=3, got 'load..users=1'"),
        // An index past the end of the list: --set does not grow lists.
        Arguments.of("scenarios[2].weight=1", "--set:1:10 scenarios: no item [2] to set: "
            + "'scenarios' has 1 item; --set changes list items, it cannot add them"),
        // An index into something that is not a list.
        Arguments.of("name[0]=x", "--set:1:5 name: cannot set 'name[0]': 'name' is text, not a "
            + "list"),
        // A value the schema rejects points at the value.
        Arguments.of("load.users=ten", "--set:1:12 load.users: expected an integer, got text "
            + "'ten'"),
        // A key the schema does not know points at the key.
        Arguments.of("load.usres=5", "--set:1:6 load.usres: unknown key 'usres'; did you mean "
            + "'users'? " + LOAD_KEYS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsMistakesAtTheItem(String set, String expected) {
    assertThat(SpecFixtures.oneLine(onlyProblem(Map.of(), MINIMAL, set))).isEqualTo(expected);
  }
}
