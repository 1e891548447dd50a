package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.compile;
import static dev.loadtest.plan.PlanFixtures.duration;
import static dev.loadtest.plan.PlanFixtures.load;
import static dev.loadtest.plan.PlanFixtures.messages;
import static dev.loadtest.plan.PlanFixtures.problems;
import static dev.loadtest.plan.PlanFixtures.rampUpRate;
import static dev.loadtest.plan.PlanFixtures.rampUpTime;
import static dev.loadtest.plan.PlanFixtures.scenarios;
import static dev.loadtest.plan.PlanFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.SpecProblem;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the compiler turns load, weights and --users/--duration/--ramp-up into profiles. */
class PlanCompilerLoadTest {

  /** A spec whose top-level load is {@code load}, with one scenario per weight: s0, s1, ... */
  static String spec(String load, int... weights) {
    StringBuilder yaml = new StringBuilder("""
        name: t
        target:
          baseUrl: mock
        load:
        """);
    load.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
    yaml.append("scenarios:\n");
    for (int i = 0; i < weights.length; i++) {
      yaml.append("  - name: s").append(i).append('\n')
          .append("    weight: ").append(weights[i]).append('\n')
          .append("    tasks:\n")
          .append("      - name: home\n")
          .append("        request: {path: /}\n");
    }
    return yaml.toString();
  }

  static List<Integer> usersPerScenario(TestPlan plan) {
    return plan.scenarios().stream().map(s -> s.load().peakUsers()).toList();
  }

  static Stream<Arguments> sharedUsers() {
    return Stream.of(
        // 7.5 and 2.5: the tie on the remainder goes to the earlier scenario.
        Arguments.of(10, new int[] {3, 1}, List.of(8, 2)),
        // The documented example: 200 over weights 3 and 1.
        Arguments.of(200, new int[] {3, 1}, List.of(150, 50)),
        // The documented example: 10 over three equal weights.
        Arguments.of(10, new int[] {1, 1, 1}, List.of(4, 3, 3)),
        // A weight of 0 gets no users.
        Arguments.of(9, new int[] {0, 2, 1}, List.of(0, 6, 3)),
        // Fewer users than scenarios.
        Arguments.of(1, new int[] {1, 1}, List.of(1, 0)));
  }

  @ParameterizedTest(name = "{0} users over {1}")
  @MethodSource("sharedUsers")
  void sharesTopLevelUsersByWeight(int total, int[] weights, List<Integer> expected)
      throws Exception {
    TestPlan plan = compile(spec("users: " + total + "\nhold: 30s", weights));

    assertThat(usersPerScenario(plan)).isEqualTo(expected);
  }

  @Test
  void scenarioWithItsOwnLoadKeepsItsUsersAndPhases() throws Exception {
    TestPlan plan = compile(spec("users: 10\nhold: 30s", 1, 1) + """
          - name: own
            weight: 100
            load: {users: 4, rampUp: 2s, hold: 10s}
            tasks:
              - name: home
                request: {path: /}
        """);

    assertThat(usersPerScenario(plan)).containsExactly(5, 5, 4);
    assertThat(load(plan, "own").stages()).containsExactly(
        new ClosedLoad.Stage(Duration.ofSeconds(2), 4),
        new ClosedLoad.Stage(Duration.ofSeconds(10), 4),
        new ClosedLoad.Stage(Duration.ZERO, 0));
    assertThat(load(plan, "s0").duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(30));
  }

  static Stream<Arguments> usersOverrides() {
    return Stream.of(
        // --users 7 across three equal weights.
        Arguments.of(spec("users: 3\nhold: 1m", 1, 1, 1), 7, List.of(3, 2, 2)),
        // --users 1: one user, given to the earliest scenario.
        Arguments.of(spec("users: 30\nhold: 1m", 1, 1, 1), 1, List.of(1, 0, 0)),
        // --users when the spec sets no users: shared by weight.
        Arguments.of(spec("hold: 1m", 3, 1), 8, List.of(6, 2)),
        // --users 0 is allowed and stops everyone.
        Arguments.of(spec("users: 10\nhold: 1m", 1, 1), 0, List.of(0, 0)),
        // The spec's proportions are kept: 8 and 2 become 80 and 20.
        Arguments.of(spec("users: 10\nhold: 1m", 3, 1), 100, List.of(80, 20)));
  }

  @ParameterizedTest(name = "--users {1}")
  @MethodSource("usersOverrides")
  void usersOverrideRescalesTheTotalExactly(String yaml, int total, List<Integer> expected)
      throws Exception {
    TestPlan plan = compile(yaml, users(total));

    assertThat(usersPerScenario(plan)).isEqualTo(expected);
    assertThat(usersPerScenario(plan).stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(total);
  }

  @Test
  void usersOverrideScalesOwnLoadsAlongWithTheSharedOne() throws Exception {
    String yaml = spec("users: 10\nhold: 30s", 1, 1) + """
          - name: own
            load: {users: 10, hold: 10s}
            tasks:
              - name: home
                request: {path: /}
        """;

    for (int total : IntStream.rangeClosed(0, 50).toArray()) {
      List<Integer> shares = usersPerScenario(compile(yaml, users(total)));
      assertThat(shares.stream().mapToInt(Integer::intValue).sum()).as("--users %d", total)
          .isEqualTo(total);
    }
    assertThat(usersPerScenario(compile(yaml, users(40)))).containsExactly(10, 10, 20);
  }

  static Stream<Arguments> rampUps() {
    return Stream.of(
        // A number is users per second: 20 users at 10/s take 2 s.
        Arguments.of("users: 20\nrampUp: 10\nhold: 1m", 20, Duration.ofSeconds(2)),
        // A fraction: one user every 2 s, 3 users take 6 s.
        Arguments.of("users: 3\nrampUp: 0.5\nhold: 1m", 3, Duration.ofSeconds(6)),
        // A rate that does not divide: 10 users at 3/s take 3.333333333 s, rounded to the ns.
        Arguments.of("users: 10\nrampUp: 3\nhold: 1m", 10, Duration.ofNanos(3_333_333_333L)),
        // A duration is the time to start them all.
        Arguments.of("users: 20\nrampUp: 30s\nhold: 1m", 20, Duration.ofSeconds(30)),
        // No ramp-up: everyone at once.
        Arguments.of("users: 20\nhold: 1m", 20, Duration.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rampUps")
  void rampUpIsARateOrATime(String load, int users, Duration expectedRamp) throws Exception {
    ClosedLoad profile = load(compile(spec(load, 1)), "s0");

    assertThat(profile.stages()).containsExactly(
        new ClosedLoad.Stage(expectedRamp, users),
        new ClosedLoad.Stage(Duration.ofMinutes(1), users),
        new ClosedLoad.Stage(Duration.ZERO, 0));
  }

  @Test
  void rampUpRateIsTheRateOfTheWholeSharingGroup() throws Exception {
    // 20 users at 10/s: both scenarios ramp over the group's 2 s, 15 and 5 users interleaved.
    TestPlan plan = compile(spec("users: 20\nrampUp: 10\nhold: 1m", 3, 1));

    assertThat(load(plan, "s0").stages().get(0))
        .isEqualTo(new ClosedLoad.Stage(Duration.ofSeconds(2), 15));
    assertThat(load(plan, "s1").stages().get(0))
        .isEqualTo(new ClosedLoad.Stage(Duration.ofSeconds(2), 5));
  }

  @Test
  void rampUpOverrideReplacesTheSpecsRamp() throws Exception {
    String yaml = spec("users: 20\nrampUp: 30s\nhold: 1m", 1);

    assertThat(load(compile(yaml, rampUpRate(4)), "s0").stages().get(0).duration())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(load(compile(yaml, rampUpTime(Duration.ofSeconds(8))), "s0").stages().get(0)
        .duration()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void durationOverrideMakesTheHoldAbsorbTheDifference() throws Exception {
    TestPlan plan = compile(spec("users: 4\nrampUp: 10s\nhold: 5m\nrampDown: 5s", 1),
        duration(Duration.ofMinutes(1)));

    assertThat(load(plan, "s0").stages()).extracting(ClosedLoad.Stage::duration).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(5));
    assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void durationOverrideEqualToTheRampsLeavesNoHold() throws Exception {
    TestPlan plan = compile(spec("users: 4\nrampUp: 10s\nrampDown: 5s", 1),
        duration(Duration.ofSeconds(15)));

    assertThat(load(plan, "s0").stages().get(1).duration()).isZero();
  }

  @Test
  void durationShorterThanTheRampsIsAnErrorOnTheCommandLine() {
    List<SpecProblem> problems = problems(spec("users: 20\nrampUp: 10s\nhold: 1m\nrampDown: 5s",
        1), duration(Duration.ofSeconds(12)));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).isEqualTo(
        "--duration 12s is shorter than ramp-up 10s + ramp-down 5s of scenario s0");
    assertThat(problems.get(0).location().describe()).isEqualTo("command line:1:12");
    assertThat(problems.get(0).location().lineText()).isEqualTo("--duration 12s");
  }

  @Test
  void scenarioOverrideRunsOnlyTheSelectedOnesWithAllTheSharedUsers() throws Exception {
    TestPlan plan = compile(spec("users: 10\nhold: 1m", 3, 1, 1), scenarios("s1", "s2"));

    assertThat(plan.scenarios()).extracting(ScenarioPlan::name).containsExactly("s1", "s2");
    assertThat(usersPerScenario(plan)).containsExactly(5, 5);
  }

  @Test
  void unknownScenarioOverrideListsTheScenarios() {
    List<SpecProblem> problems = problems(spec("users: 10\nhold: 1m", 1, 1),
        scenarios("s0", "checkout"));

    assertThat(problems).extracting(SpecProblem::message)
        .containsExactly("no scenario named 'checkout' (scenarios: s0, s1)");
    assertThat(problems.get(0).location().describe()).isEqualTo("command line:1:12");
  }

  @Test
  void holdIsRequiredWithoutDurationOverride() throws Exception {
    String yaml = spec("users: 10", 1);

    assertThat(messages(yaml)).containsExactly(
        "no hold: set load.hold (time at full load, like 5m) or pass --duration");
    assertThat(compile(yaml, duration(Duration.ofSeconds(30))).duration())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void usersAreRequiredWithoutUsersOverride() throws Exception {
    String yaml = spec("hold: 1m", 1, 1);

    assertThat(messages(yaml)).containsExactly(
        "no users: set load.users (scenario s0 has no load of its own)");
    assertThat(usersPerScenario(compile(yaml, users(3)))).containsExactly(2, 1);
  }

  @Test
  void scenarioLoadWithoutUsersOrHoldIsReportedThere() {
    String yaml = spec("users: 1\nhold: 1m", 1) + """
          - name: own
            load: {rampUp: 1s}
            tasks:
              - name: home
                request: {path: /}
        """;

    assertThat(problems(yaml, Overrides.NONE)).extracting(SpecProblem::toString)
        .containsExactly(
            "test.yaml:14:11 scenarios[1].load: this scenario's load sets no users: add users: N",
            "test.yaml:14:11 scenarios[1].load: no hold: set load.hold (time at full load, like"
                + " 5m) or pass --duration");
  }
}
