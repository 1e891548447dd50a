package dev.loadtest.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text users read: header, quoted line, caret, count. */
class SpecErrorFormatterTest {

  private static final SpecSource BAD = new SpecSource("examples/bad.yaml", List.of(
      "name: x", "", "", "", "", "", "", "", "", "", "load:", "      usres: 10",
      "\tkey: x"));

  @Test
  void showsLocationPathMessageLineAndCaret() {
    SpecProblem problem = new SpecProblem(new SourceLocation(BAD, 12, 7),
        "scenarios[0].load.usres", "unknown key 'usres'; did you mean 'users'? "
            + "(allowed here: users, rampUp, hold, rampDown)");

    assertThat(SpecErrorFormatter.format(List.of(problem, problem))).isEqualTo("""
        examples/bad.yaml:12:7: scenarios[0].load.usres: unknown key 'usres'; did you mean \
        'users'? (allowed here: users, rampUp, hold, rampDown)
           12 |       usres: 10
              |       ^
        examples/bad.yaml:12:7: scenarios[0].load.usres: unknown key 'usres'; did you mean \
        'users'? (allowed here: users, rampUp, hold, rampDown)
           12 |       usres: 10
              |       ^
        2 problems in the spec.
        """);
  }

  @Test
  void rootProblemHasNoPathAndOneProblemIsSingular() {
    SpecProblem problem = new SpecProblem(new SourceLocation(BAD, 1, 1), "",
        "missing required key 'target'");

    assertThat(SpecErrorFormatter.format(List.of(problem))).isEqualTo("""
        examples/bad.yaml:1:1: missing required key 'target'
            1 | name: x
              | ^
        1 problem in the spec.
        """);
  }

  @Test
  void caretKeepsTabsSoItLinesUp() {
    SpecProblem problem = new SpecProblem(new SourceLocation(BAD, 13, 2), "key", "bad");

    assertThat(SpecErrorFormatter.format(List.of(problem)))
        .contains("   13 | \tkey: x\n      | \t^\n");
  }

  @Test
  void wholeFileProblemHasNoLineOrCaret() {
    SpecSource missing = new SpecSource("gone.yaml", List.of());
    SpecProblem problem = new SpecProblem(new SourceLocation(missing, 0, 0), "",
        "cannot read the spec file: no such file");

    assertThat(SpecErrorFormatter.format(List.of(problem)))
        .isEqualTo("gone.yaml: cannot read the spec file: no such file\n1 problem in the spec.\n");
  }
}
