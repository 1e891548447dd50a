package dev.loadtest.spec;

import java.util.List;

/**
 * Thrown when a spec cannot be used; carries every problem found, not only the first, so that a
 * user can fix them all in one pass.
 */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.size() + " problem(s) in the spec; first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
