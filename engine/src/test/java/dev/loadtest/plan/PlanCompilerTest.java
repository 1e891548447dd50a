package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.SEED_IF_UNSET;
import static dev.loadtest.plan.PlanFixtures.compile;
import static dev.loadtest.plan.PlanFixtures.context;
import static dev.loadtest.plan.PlanFixtures.firstRequest;
import static dev.loadtest.plan.PlanFixtures.messages;
import static dev.loadtest.plan.PlanFixtures.problems;
import static dev.loadtest.plan.PlanFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.SpecProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compiling whole specs: names, checks, thresholds, seeds, needs, and every problem at once. */
class PlanCompilerTest {

  /** Seven lines ending in {@code scenarios:}; tests append scenarios and more. */
  private static final String HEAD = """
      name: shop
      target:
        baseUrl: mock
      load:
        users: 10
        hold: 30s
      scenarios:
      """;

  /** A scenario named {@code name} whose one task sends {@code GET /}. */
  private static String scenarioYaml(String name) {
    return """
          - name: %s
            tasks:
              - name: home
                request: {path: /}
        """.formatted(name);
  }

  private static final String CHECKOUT = HEAD + """
        - name: buyer
          thinkTime: 2s
          tasks:
            - name: browse
              weight: 3
              request:
                path: /api/items/${randomInt(1, 9)}
            - name: buy
              requests:
                - {name: checkout, method: POST, path: /api/checkout, json: {id: 1}}
                - {method: GET, path: /api/orders}
                - {name: checkout, method: POST, path: /api/checkout/retry}
      """;

  @Test
  void requestsAreNamedMethodAndPathAsWrittenUnlessNamed() throws Exception {
    TestPlan plan = compile(CHECKOUT);

    assertThat(plan.requestNames()).containsExactly(
        "GET /api/items/${randomInt(1, 9)}", "checkout", "GET /api/orders");
    TaskPlan buy = scenario(plan, "buyer").tasks().item(1);
    assertThat(buy.steps()).extracting(step -> ((RequestPlan) step).statsKey())
        .containsExactly(1, 2, 1);
    assertThat(buy.describe()).isEqualTo("POST /api/checkout as 'checkout' -> GET /api/orders"
        + " -> POST /api/checkout/retry as 'checkout'");
  }

  @Test
  void requestsGetTheirDefaults() throws Exception {
    RequestPlan request = firstRequest(compile(HEAD + scenarioYaml("a")), "a");

    assertThat(request.method()).isEqualTo(HttpMethod.GET);
    assertThat(request.body()).isEqualTo(new Body.None());
    assertThat(request.expectStatus().describe()).isEqualTo("2xx, 3xx");
    assertThat(request.checks()).isEmpty();
    assertThat(request.needsBody()).isFalse();
    assertThat(request.timeout()).isZero();
  }

  @Test
  void compilesChecksWithTheStatusCheckAsTheExpectedStatus() throws Exception {
    RequestPlan request = firstRequest(compile(HEAD + """
          - name: a
            tasks:
              - name: t
                request:
                  path: /
                  checks:
                    - status: [2xx, 429]
                    - bodyContains: ok
                    - {jsonPath: "$.data.items[0].id", exists: true}
                    - {jsonPath: $.count, equals: 1}
                    - {jsonPath: $.ratio, equals: 0.5}
                    - {jsonPath: $.state, equals: done}
                    - {jsonPath: $.ok, equals: true}
                    - {jsonPath: $.error, equals: null}
                    - {jsonPath: $.word, equals: "null"}
                    - jsonErrorField: error
        """), "a");

    assertThat(request.expectStatus().describe()).isEqualTo("2xx, 429");
    assertThat(request.expectStatus().contains(429)).isTrue();
    assertThat(request.expectStatus().contains(404)).isFalse();
    assertThat(request.checks()).containsExactly(
        new Check.BodyContains("ok"),
        new Check.JsonPathExists(JsonPath.parse("$.data.items[0].id"), true),
        new Check.JsonPathEquals(JsonPath.parse("$.count"), 1L, false),
        new Check.JsonPathEquals(JsonPath.parse("$.ratio"), 0.5, false),
        new Check.JsonPathEquals(JsonPath.parse("$.state"), "done", false),
        new Check.JsonPathEquals(JsonPath.parse("$.ok"), true, false),
        new Check.JsonPathEquals(JsonPath.parse("$.error"), "null", true),
        new Check.JsonPathEquals(JsonPath.parse("$.word"), "null", false),
        new Check.JsonErrorField("error"));
    assertThat(JsonPath.parse("$.data.items[0].id").segments())
        .containsExactly("data", "items", 0, "id");
    assertThat(request.needsBody()).isTrue();
  }

  @Test
  void compilesJsonBodiesWithTemplates() throws Exception {
    RequestPlan request = firstRequest(compile(HEAD + """
          - name: a
            variables: {model: small}
            tasks:
              - name: t
                request:
                  method: POST
                  path: /chat
                  json:
                    model: ${model}
                    label: "n${randomInt(4, 4)}"
                    tags: [x, 2, 2.5, false, null]
        """), "a");

    Body.Json body = (Body.Json) request.body();
    String json = new String(body.document().render(context(1,
        Map.of("model", "small"), 0)), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(
        "{\"model\":\"small\",\"label\":\"n4\",\"tags\":[\"x\",2,2.5,false,null]}");
  }

  @Test
  void jsonStringThatIsOneRandomIntIsSentAsANumber() throws Exception {
    RequestPlan request = firstRequest(compile(HEAD + """
          - name: a
            tasks:
              - name: t
                request:
                  method: POST
                  path: /cart
                  json: {product_id: "${randomInt(4, 4)}"}
        """), "a");

    byte[] json = ((Body.Json) request.body()).document().render(context(1));
    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo("{\"product_id\":4}");
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        // Latency limits are converted to milliseconds.
        Arguments.of("latency.p95", "below: 2s", 2000.0),
        // Milliseconds stay as they are.
        Arguments.of("latency.p99", "below: 1500ms", 1500.0),
        // Below a millisecond.
        Arguments.of("latency.avg", "below: 250us", 0.25),
        // A percent error rate becomes a share.
        Arguments.of("errorRate", "below: 1%", 0.01),
        // A share stays a share.
        Arguments.of("errorRate", "below: 0.05", 0.05),
        // A request rate is a plain number.
        Arguments.of("rps", "above: 100", 100.0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("limits")
  void convertsThresholdLimitsToTheMetricsUnit(String metric, String limit, double expected)
      throws Exception {
    TestPlan plan = compile(HEAD + scenarioYaml("a") + "thresholds:\n  - {metric: " + metric + ", "
        + limit + "}\n");

    assertThat(plan.thresholds()).singleElement().satisfies(threshold -> {
      assertThat(threshold.limit()).isEqualTo(expected);
      assertThat(threshold.metric().name()).isEqualTo(metric);
      assertThat(threshold.name()).isEqualTo(metric + (limit.startsWith("below") ? " < " : " > ")
          + limit.substring(limit.indexOf(' ') + 1));
    });
  }

  static Stream<Arguments> badLimits() {
    return Stream.of(
        // A latency without a unit.
        Arguments.of("latency.p95", "below: 2",
            "a latency limit needs a unit, like 500ms or 2s, got '2'"),
        // A latency as a percentage.
        Arguments.of("latency.max", "below: 5%",
            "a latency limit needs a unit, like 500ms or 2s, got '5%'"),
        // An error rate above 1 is not a share.
        Arguments.of("errorRate", "below: 5",
            "an error rate limit is a share, like 1% or 0.01, got '5'"),
        // An error rate as a duration.
        Arguments.of("errorRate", "below: 2s",
            "an error rate limit is a share, like 1% or 0.01, got '2s'"),
        // A request rate as a duration.
        Arguments.of("rps", "above: 1s",
            "a rate limit is a number of requests per second, like 100, got '1s'"),
        // A request rate as a percentage.
        Arguments.of("rps", "above: 50%",
            "a rate limit is a number of requests per second, like 100, got '50%'"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badLimits")
  void rejectsLimitsOfTheWrongKind(String metric, String limit, String message) {
    List<SpecProblem> problems = problems(HEAD + scenarioYaml("a") + "thresholds:\n  - {metric: "
        + metric + ", " + limit + "}\n", Overrides.NONE);

    assertThat(problems).extracting(SpecProblem::message).containsExactly(message);
    assertThat(problems.get(0).location().line()).isEqualTo(13);
  }

  @Test
  void thresholdOnOneRequestPointsAtItsStatistics() throws Exception {
    TestPlan plan = compile(CHECKOUT + """
        thresholds:
          - {metric: latency.p99, request: checkout, below: 3s, abortOnFail: true,
             abortAfter: 1m}
        """);

    Threshold threshold = plan.thresholds().get(0);
    assertThat(threshold.scope()).isEqualTo(new ThresholdScope.OneRequest("checkout", 1));
    assertThat(plan.requestNames().get(1)).isEqualTo("checkout");
    assertThat(threshold.abortOnFail()).isTrue();
    assertThat(threshold.abortAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(threshold.name()).isEqualTo("latency.p99{checkout} < 3s");
  }

  @Test
  void thresholdOnAnUnknownRequestListsTheRequestNames() {
    List<SpecProblem> problems = problems(CHECKOUT + """
        thresholds:
          - metric: latency.p95
            request: chekout
            below: 2s
        """, Overrides.NONE);

    assertThat(problems).extracting(SpecProblem::toString).containsExactly(
        "test.yaml:22:14 thresholds[0].request: no request named 'chekout' (requests:"
            + " GET /api/items/${randomInt(1, 9)}, checkout, GET /api/orders)");
  }

  @Test
  void duplicateScenarioNamesAreAnError() {
    String yaml = HEAD + scenarioYaml("a") + scenarioYaml("b") + scenarioYaml("a");

    List<SpecProblem> problems = problems(yaml, Overrides.NONE);

    assertThat(problems).extracting(SpecProblem::toString).containsExactly(
        "test.yaml:16:11 scenarios[2].name: a scenario named 'a' already exists: scenario names"
            + " must be unique");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    List<String> messages = messages(HEAD + scenarioYaml("a") + scenarioYaml("a") + """
          - name: c
            tasks:
              - name: t
                request: {path: "/x/${nope}"}
        thresholds:
          - {metric: latency.p95, below: 2}
          - {metric: rps, request: missing, above: 1}
        """);

    assertThat(messages).containsExactlyInAnyOrder(
        "a scenario named 'a' already exists: scenario names must be unique",
        "unknown variable 'nope' (known: ; built in: userId, iteration, scenario)",
        "a latency limit needs a unit, like 500ms or 2s, got '2'",
        "no request named 'missing' (requests: GET /, GET /x/${nope})");
  }

  @Test
  void templatesSeeGlobalAndScenarioVariablesAndTheEnvironment() throws Exception {
    String yaml = HEAD.replace("scenarios:\n", "variables: {region: eu}\nscenarios:\n") + """
          - name: a
            variables: {model: small}
            tasks:
              - name: t
                request: {path: "/${region}/${model}/${env(STAGE)}"}
          - name: b
            tasks:
              - name: t
                request: {path: "/${model}"}
        """;

    List<SpecProblem> problems = problems(yaml, Overrides.NONE);
    assertThat(problems).extracting(SpecProblem::message).containsExactly(
        "environment variable 'STAGE' is not set",
        "unknown variable 'model' (known: region; built in: userId, iteration, scenario)");

    TestPlan plan = compile(yaml.replace("/${model}\"}", "/\"}"), Overrides.NONE,
        Map.of("STAGE", "prod"));
    RequestPlan request = firstRequest(plan, "a");
    assertThat(request.path().render(context(1, Map.of("region", "eu", "model",
        "small"), 0))).isEqualTo("/eu/small/prod");
    assertThat(scenario(plan, "a").variables()).containsOnly(
        Map.entry("region", "eu"), Map.entry("model", "small"));
  }

  @Test
  void seedComesFromTheSpecOrElseTheCallersChoice() throws Exception {
    assertThat(compile(HEAD + scenarioYaml("a")).seed()).isEqualTo(SEED_IF_UNSET);
    assertThat(compile("seed: 1234\n" + HEAD + scenarioYaml("a")).seed()).isEqualTo(1234);
  }

  @Test
  void needsCountPeakUsersAndConnections() throws Exception {
    TestPlan plan = compile(HEAD + scenarioYaml("a") + scenarioYaml("b") + """
          - name: own
            load: {users: 5, hold: 1m}
            tasks:
              - name: t
                request: {path: /}
        """);

    PlanNeeds needs = plan.needs();
    assertThat(needs.peakUsers()).isEqualTo(15);
    assertThat(needs.connections()).isEqualTo(15);
    assertThat(needs.duration()).isEqualTo(Duration.ofMinutes(1));
    // Without think time the rate depends only on the target.
    assertThat(needs.peakRequestsPerSecond()).isEmpty();
  }

  @Test
  void maxConnectionsWinsOverPeakUsers() throws Exception {
    TestPlan plan = compile(HEAD.replace("baseUrl: mock", "baseUrl: mock\n  maxConnections: 4")
        + scenarioYaml("a"));

    assertThat(plan.needs().connections()).isEqualTo(4);
  }

  @Test
  void thinkTimeBoundsThePeakRate() throws Exception {
    // 10 users; tasks weighted 3:1 with 1 and 3 requests -> 1.5 requests per task; 2 s think.
    PlanNeeds needs = compile(CHECKOUT).needs();

    assertThat(needs.peakRequestsPerSecond()).isEqualTo(OptionalDouble.of(10 * 1.5 / 2));
    assertThat(needs.describe()).isEqualTo("""
        peak users: 10
        peak rate: at most 7.5 req/s (arrival rates, think time and pacing)
        duration: 30s
        connections: up to 10""");
  }

  static Stream<Arguments> thinkTimes() {
    return Stream.of(
        // A bare duration is a constant pause.
        Arguments.of("thinkTime: 2s", new ThinkTime.Constant(Duration.ofSeconds(2))),
        // The same as a mapping.
        Arguments.of("thinkTime: {constant: 500ms}",
            new ThinkTime.Constant(Duration.ofMillis(500))),
        // Uniform between two bounds.
        Arguments.of("thinkTime: {uniform: {min: 1s, max: 3s}}",
            new ThinkTime.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(3))),
        // Exponential, capped at ten means by default.
        Arguments.of("thinkTime: {exponential: {mean: 500ms}}",
            new ThinkTime.Exponential(Duration.ofMillis(500), Duration.ofSeconds(5))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thinkTimes")
  void compilesThinkTimes(String line, ThinkTime expected) throws Exception {
    TestPlan plan = compile(HEAD + scenarioYaml("a").replace("    tasks:", "    " + line
        + "\n    tasks:"));

    assertThat(scenario(plan, "a").thinkTime()).isEqualTo(expected);
  }

  @Test
  void describeMentionsEveryScenarioAndThreshold() throws Exception {
    TestPlan plan = compile(CHECKOUT + scenarioYaml("reader") + """
        thresholds:
          - {metric: latency.p95, below: 2s}
          - {metric: errorRate, below: 1%, abortOnFail: true}
        """);

    String description = plan.describe();

    assertThat(description).startsWith("plan shop (spec " + plan.specSha256().substring(0, 12)
        + ")\n  target: built-in mock (");
    assertThat(description).contains(
        "  scenario buyer: closed model, peak 5 users: 5 over 0ms; 5 over 30s; 0 over 0ms,"
            + " think time 2s\n",
        "    task browse (weight 3): GET /api/items/${randomInt(1, 9)}\n",
        "  scenario reader: closed model, peak 5 users",
        "  threshold latency.p95 < 2s\n",
        "  threshold errorRate < 1% (aborts the run when it fails)\n");
  }
}
