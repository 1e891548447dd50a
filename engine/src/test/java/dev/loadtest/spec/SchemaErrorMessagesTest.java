package dev.loadtest.spec;

import static dev.loadtest.spec.SpecFixtures.MINIMAL;
import static dev.loadtest.spec.SpecFixtures.onlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per kind of schema mistake: the message the user reads and where it points. */
class SchemaErrorMessagesTest {

  /** Every key a load section accepts, as the unknown-key message lists them. */
  private static final String LOAD_KEYS = "(allowed here: users, rampUp, hold, rampDown, stages,"
      + " iterations, sharedIterations, pacing, correctCoordinatedOmission, arrivalRate,"
      + " duration, poisson, maxConcurrency, whenSaturated)";

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // A misspelt key: pointed at the key, with the closest allowed key and the full list.
        row("unknown key", "load:\n  usres: 10\n",
            "spec.yaml:10:3 load.usres: unknown key 'usres'; did you mean 'users'? "
                + LOAD_KEYS),
        // A key nothing resembles gets the list but no guess.
        row("unknown key, no hint", "load:\n  zzzzzzzz: 10\n",
            "spec.yaml:10:3 load.zzzzzzzz: unknown key 'zzzzzzzz' "
                + LOAD_KEYS),
        // Text where a number belongs.
        row("wrong type", "load:\n  users: ten\n",
            "spec.yaml:10:10 load.users: expected an integer, got text 'ten'"),
        // A quoted number is text, and a duration needs a unit anyway.
        row("duration without unit, quoted", "load:\n  hold: \"10\"\n",
            "spec.yaml:10:9 load.hold: expected a duration with a unit, like 500ms or 2s, "
                + "got '10'"),
        // A bare number where a duration belongs fails on type, but says the same thing.
        row("duration without unit, number", "load:\n  hold: 10\n",
            "spec.yaml:10:9 load.hold: expected a duration with a unit, like 500ms or 2s, "
                + "got the number 10"),
        // A required key left out: reported on the mapping that lacks it.
        row("missing required", "preflight: {expectStatus: 200}\n",
            "spec.yaml:9:12 preflight: missing required key 'path'"),
        // A value outside an enum, with a guess.
        row("bad enum", "preflight: {path: /, method: PATCHX}\n",
            "spec.yaml:9:30 preflight.method: 'PATCHX' is not one of GET, POST, PUT, PATCH, "
                + "DELETE, HEAD, OPTIONS; did you mean 'PATCH'?"),
        // A number out of range.
        row("below minimum", "load: {users: -1}\n",
            "spec.yaml:9:15 load.users: expected at least 0, got -1"),
        // oneOf of scalars: every accepted form is listed once.
        row("rampUp neither form", "load: {rampUp: fast}\n",
            "spec.yaml:9:16 load.rampUp: expected a number above 0 or a duration with a unit, "
                + "like 500ms or 2s, got text 'fast'"),
        // A threshold needs exactly one bound.
        row("threshold without bound", "thresholds:\n  - {metric: rps}\n",
            "spec.yaml:10:5 thresholds[0]: a threshold needs 'below' or 'above'"),
        // A path must start with a slash.
        row("path without slash", "preflight: {path: health}\n",
            "spec.yaml:9:19 preflight.path: expected a path starting with /, got 'health'"),
        // A think-time distribution missing a bound: the branch the user chose is explained.
        row("think time branch", "load: {users: 1}\nthresholds: []\n"
                + "mock: {latency: {uniform: {min: 1ms}}}\n",
            "spec.yaml:11:27 mock.latency.uniform: missing required key 'max'"));
  }

  private static Arguments row(String name, String extra, String expected) {
    return Arguments.of(name, MINIMAL + extra, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsWhatWasExpectedAndWhere(String name, String text, String expected) {
    SpecProblem problem = onlyProblem(Map.of(), text);

    assertThat(SpecFixtures.oneLine(problem)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkMistakes")
  void explainsCheckItemsByTheKindMeant(String name, String check, String expected) {
    String text = MINIMAL.replace("request: {path: /}",
        "request: {path: /, checks: [" + check + "]}");

    SpecProblem problem = onlyProblem(Map.of(), text);

    assertThat(SpecFixtures.oneLine(problem)).isEqualTo(expected);
  }

  static Stream<Arguments> checkMistakes() {
    String at = "spec.yaml:8:37 scenarios[0].tasks[0].request.checks[0]";
    return Stream.of(
        // A misspelt kind: the key, a guess, and every kind of check.
        Arguments.of("unknown key", "{stats: 200}", "spec.yaml:8:38 scenarios[0].tasks[0]"
            + ".request.checks[0].stats: unknown key 'stats'; did you mean 'status'? "
            + "(a check takes 'status', 'bodyContains', 'jsonPath' + 'exists', "
            + "'jsonPath' + 'equals', or "
            + "'jsonErrorField')"),
        // Half of a two-key kind.
        Arguments.of("incomplete", "{jsonPath: $.a}",
            at + ": a check with 'jsonPath' also needs 'exists' or 'equals'"),
        // Two kinds in one item.
        Arguments.of("mixed", "{status: 200, bodyContains: ok}", at + ": a check is one kind "
            + "only, but this one mixes 'status' and 'bodyContains'; "
            + "write them as separate items"),
        // The right kind with a bad value: only the value is reported.
        Arguments.of("bad status", "{status: 99}", "spec.yaml:8:46 scenarios[0].tasks[0].request"
            + ".checks[0].status: expected an integer from 100 to 599, a status class like 2xx, "
            + "or a list, got the number 99"));
  }
}
