package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.compile;
import static dev.loadtest.plan.PlanFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.SpecProblem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compiling requests' {@code metrics:} and thresholds on them; one case per invalid spec. */
class CustomMetricsCompilerTest {

  /** A spec whose first request holds {@code FIRST} and second {@code SECOND} as metrics. */
  private static final String SPEC = """
      name: agents
      target: {baseUrl: mock}
      metrics: {labels: {team: search}}
      load: {users: 1, hold: 1s}
      scenarios:
        - name: client
          tasks:
            - name: job
              steps:
                - request:
                    name: result
                    path: /result
                    metrics:
      FIRST
                - request:
                    name: status
                    path: /status
                    metrics:
      SECOND
      thresholds:
      THRESHOLDS
      """;

  private static final String STEPS = item("{name: agent_steps, type: histogram,"
      + " jsonPath: $.steps, unit: steps, labels: {agent: planner}, buckets: [1, 2, 4, 8]}");

  /** Empty parts become empty lists, which the schema accepts. */
  private static String spec(String first, String second, String thresholds) {
    return SPEC.replace("metrics:\nFIRST\n", first.isEmpty() ? "metrics: []\n"
            : "metrics:\n" + first)
        .replace("metrics:\nSECOND\n", second.isEmpty() ? "metrics: []\n"
            : "metrics:\n" + second)
        .replace("thresholds:\nTHRESHOLDS\n", thresholds.isEmpty() ? "thresholds: []\n"
            : "thresholds:\n" + thresholds);
  }

  private static String item(String yaml) {
    return "              - " + yaml + "\n";
  }

  private static String threshold(String yaml) {
    return "  - " + yaml + "\n";
  }

  @Test
  void requestsRecordingOneMetricShareItsSeriesAndThresholdsCompile() throws Exception {
    TestPlan plan = compile(spec(STEPS + item("{name: polls, type: counter}"),
        item("{name: agent_steps, type: histogram, header: X-Steps, labels: {agent: writer}}")
            + item("{name: polls, type: counter}"),
        threshold("{metric: custom.agent_steps.p95, below: 8}")
            + threshold("{metric: custom.polls.rate, above: 0.5}")));

    CustomMetrics custom = plan.customMetrics();
    assertThat(custom.names()).containsExactly("agent_steps", "polls");
    assertThat(custom.series()).extracting(CustomSeries::describe).containsExactly(
        "agent_steps{agent=\"planner\"}", "polls", "agent_steps{agent=\"writer\"}");
    // The second request names no buckets or unit: it takes the first declaration's.
    assertThat(custom.metric("agent_steps").orElseThrow().buckets())
        .containsExactly(1.0, 2.0, 4.0, 8.0);
    RequestPlan status = (RequestPlan) plan.scenarios().get(0).tasks().items().get(0).steps()
        .get(1);
    assertThat(status.handling().metrics()).extracting(MetricRecording::describe)
        .containsExactly("agent_steps{agent=\"writer\"} += header X-Steps", "polls += 1");
    assertThat(status.handling().needsHeaders()).isTrue();
    assertThat(status.needsBody()).isFalse();
    assertThat(plan.thresholds()).extracting(Threshold::name)
        .containsExactly("custom.agent_steps.p95 < 8", "custom.polls.rate > 0.5");
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        // A histogram has no natural value to record.
        Arguments.of(spec(item("{name: steps, type: histogram}"), item("{name: x, type: counter}"),
            ""), "scenarios[0].tasks[0].steps[0].request.metrics[0]",
            "histogram 'steps' needs a value: jsonPath, header, or value"),
        // Two requests disagree on what the metric is.
        Arguments.of(spec(STEPS, item("{name: agent_steps, type: counter, labels: {agent: b}}"),
            ""), "scenarios[0].tasks[0].steps[1].request.metrics[0].type",
            "metric 'agent_steps' is a histogram at test.yaml:"),
        // Every series of a metric needs the same label names.
        Arguments.of(spec(STEPS, item("{name: agent_steps, type: histogram, value: 1}"), ""),
            "scenarios[0].tasks[0].steps[1].request.metrics[0]",
            "metric 'agent_steps' has the labels [agent] at test.yaml:"),
        // The units differ: one of the two reports would be wrong.
        Arguments.of(spec(STEPS, item("{name: agent_steps, type: histogram, value: 1, unit: s,"
            + " labels: {agent: b}}"), ""),
            "scenarios[0].tasks[0].steps[1].request.metrics[0].unit",
            "unit 's' differs from 'steps' at test.yaml:"),
        // run_id is loadtest's own label.
        Arguments.of(spec(item("{name: x, type: counter, labels: {run_id: a}}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].labels.run_id",
            "label 'run_id' is set by loadtest or by metrics.labels"),
        // team is a constant label of every series already (metrics.labels).
        Arguments.of(spec(item("{name: x, type: counter, labels: {team: a}}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].labels.team",
            "label 'team' is set by loadtest or by metrics.labels"),
        // A template would make one series per user.
        Arguments.of(spec(item("{name: x, type: counter, labels: {user: '${userId}'}}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].labels.user",
            "label values are fixed text"),
        // Prometheus adds _total to counters itself.
        Arguments.of(spec(item("{name: jobs_total, type: counter}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].name",
            "a metric name may not end in '_total'"),
        // The same series twice in one request would count every response twice.
        Arguments.of(spec(item("{name: x, type: counter}") + item("{name: x, type: counter}"),
            "", ""), "scenarios[0].tasks[0].steps[0].request.metrics[1]",
            "this request already records into x"),
        // Buckets must rise.
        Arguments.of(spec(item("{name: x, type: histogram, value: 1, buckets: [1, 5, 2]}"), "",
            ""), "scenarios[0].tasks[0].steps[0].request.metrics[0].buckets[2]",
            "bucket bounds must rise: 2.0 follows 5.0"),
        // A counter only adds up.
        Arguments.of(spec(item("{name: x, type: counter, buckets: [1]}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].buckets",
            "buckets are for histograms"),
        // A threshold on a metric no request declares.
        Arguments.of(spec(STEPS, "", threshold("{metric: custom.agent_step.p95, below: 8}")),
            "thresholds[0].metric",
            "no custom metric named 'agent_step' (declared under a request's metrics:"
                + " agent_steps)"),
        // A counter has no percentiles.
        Arguments.of(spec(item("{name: polls, type: counter}"), "",
            threshold("{metric: custom.polls.p95, below: 8}")), "thresholds[0].metric",
            "'polls' is a counter; its statistics are sum, rate, count, missing"),
        // A custom metric is not per request.
        Arguments.of(spec(STEPS, "", threshold("{metric: custom.agent_steps.max, request:"
            + " result, below: 8}")), "thresholds[0].request",
            "request: does not apply to it"),
        // Limits are numbers in the metric's unit.
        Arguments.of(spec(STEPS, "", threshold("{metric: custom.agent_steps.max, below: 2s}")),
            "thresholds[0].below", "a limit on a custom metric is a number"),
        // The schema: unknown keys are errors.
        Arguments.of(spec(item("{name: x, type: counter, from: body}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].from",
            "unknown key 'from' (allowed here: name, type, jsonPath, header, value, labels, unit,"),
        // One value per response: two sources would be ambiguous.
        Arguments.of(spec(item("{name: x, type: counter, value: 1, header: X-A}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].value",
            "give one value source, not header and value"),
        // The schema: names are lower-case Prometheus names.
        Arguments.of(spec(item("{name: Agent-Steps, type: counter}"), "", ""),
            "scenarios[0].tasks[0].steps[0].request.metrics[0].name",
            "expected text matching ^[a-z][a-z0-9_]{0,99}$, got 'Agent-Steps'"));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void invalidSpecIsRejectedAtItsPath(String yaml, String path, String message) {
    List<SpecProblem> problems = problems(yaml, Overrides.NONE);

    assertThat(problems).as(problems.toString()).anySatisfy(problem -> {
      assertThat(problem.path()).isEqualTo(path);
      assertThat(problem.message()).contains(message);
    });
  }
}
