package dev.loadtest.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

/** Shared helpers for the spec tests: a minimal valid spec and ways to load text. */
final class SpecFixtures {

  /** Eight lines that pass the schema; tests append lines 9 and on. */
  static final String MINIMAL = """
      name: t
      target:
        baseUrl: mock
      scenarios:
        - name: s
          tasks:
            - name: a
              request: {path: /}
      """;

  private SpecFixtures() {}

  static SpecDocument load(Map<String, String> env, String text, String... sets)
      throws SpecException {
    return new SpecLoader(env).loadTexts(List.of(Map.entry("spec.yaml", text)), List.of(sets));
  }

  /** The problems loading must report; fails the test if the spec loads. */
  static List<SpecProblem> problems(Map<String, String> env, String text, String... sets) {
    SpecException thrown = catchThrowableOfType(SpecException.class, () -> load(env, text, sets));
    assertThat(thrown).as("expected the spec to be rejected").isNotNull();
    return thrown.problems();
  }

  /** Something that loads a spec, for {@link #problemsOf}. */
  interface Loading {
    SpecDocument load() throws Exception;
  }

  /** The problems a load must report; fails the test if it succeeds. */
  static List<SpecProblem> problemsOf(Loading loading) {
    SpecException thrown = catchThrowableOfType(SpecException.class, loading::load);
    assertThat(thrown).as("expected the spec to be rejected").isNotNull();
    return thrown.problems();
  }

  /** The only problem loading reports. */
  static SpecProblem onlyProblem(Map<String, String> env, String text, String... sets) {
    List<SpecProblem> problems = problems(env, text, sets);
    assertThat(problems).as(SpecErrorFormatter.format(problems)).hasSize(1);
    return problems.get(0);
  }

  /** The node at a path like {@code scenarios[0].tasks[1].request}; fails if there is none. */
  static SpecNode find(SpecNode root, String path) {
    SpecNode node = root;
    for (String step : path.replace("[", ".[").split("\\.")) {
      if (step.startsWith("[")) {
        int index = Integer.parseInt(step.substring(1, step.length() - 1));
        node = ((ListNode) node).elements().get(index);
      } else if (!step.isEmpty()) {
        node = ((MapNode) node).field(step).orElseThrow(() -> new AssertionError(path));
      }
    }
    return node;
  }

  /** "file:line:column path: message", the problem in one comparable line. */
  static String oneLine(SpecProblem problem) {
    return problem.location().describe() + " " + problem.path() + ": " + problem.message();
  }
}
