package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.spec.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec mistakes in flows, feeders and lifecycle steps, reported with their place. */
class FlowCompilerTest {

  private static final String HEAD = """
      name: flows
      target: {baseUrl: mock}
      load: {users: 1, hold: 1s}
      """;

  @Test
  void aVariableUsedBeforeAnyStepExtractsItIsAnErrorAtItsPlace() {
    List<SpecProblem> problems = PlanFixtures.problems(HEAD + """
        scenarios:
          - name: s
            tasks:
              - name: t
                steps:
                  - request: {path: "/c/${conversation_id}"}
                  - request: {method: POST, path: /c, extract: {conversation_id: $.id}}
        """, Overrides.NONE);

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.toString()).startsWith(
          "test.yaml:9:29 scenarios[0].tasks[0].steps[0].request.path: variable"
              + " 'conversation_id' is used before any step extracts it");
    });
  }

  @Test
  void conditionsFeedersAndLifecycleMistakesAreAllReportedAtOnce() {
    String openHead = HEAD.replace("users: 1, hold: 1s", "arrivalRate: 1, duration: 1s");
    List<String> messages = PlanFixtures.problems(openHead + """
        feeders:
          tenants: {file: no-such.csv}
        scenarios:
          - name: s
            feeders: [tenants, others]
            onStart: [{request: {path: /login}}]
            tasks:
              - name: t
                steps:
                  - if: {variable: plan, equals: x}
                    then: [{request: {path: "/${tenants.nope}"}}]
        """, Overrides.NONE).stream().map(SpecProblem::toString).toList();

    assertThat(messages).anySatisfy(m -> assertThat(m).contains("feeders.tenants.file:")
        .contains("no such feeder file"));
    assertThat(messages).anySatisfy(m -> assertThat(m)
        .contains("scenarios[0].feeders[1]: no feeder named 'others'"));
    assertThat(messages).anySatisfy(m -> assertThat(m)
        .contains("steps[0].if.variable: unknown variable 'plan'"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("scenarios[0].onStart:")
        .contains("in an open model each arrival runs one task"));
  }

  @Test
  void aFlowDescribesItself() throws Exception {
    TestPlan plan = PlanFixtures.compile(HEAD + """
        scenarios:
          - name: s
            tasks:
              - name: t
                steps:
                  - request: {method: POST, path: /jobs, extract: {job: $.id}}
                  - think: 1s
                  - poll:
                      request: {path: "/jobs/${job}"}
                      until: {jsonPath: $.status, in: [done, failed]}
                  - repeat: {times: 2, steps: [{request: {path: /again}}]}
        """);

    assertThat(plan.scenarios().get(0).tasks().item(0).describe()).isEqualTo(
        "POST /jobs -> think 1s -> poll GET /jobs/${job} every 1s until $.status in [done,"
            + " failed] (timeout 1m) -> repeat 2 times [GET /again]");
  }
}
