package dev.loadtest.plan;

import java.util.List;

/**
 * Runs one list of steps or the other, by a condition on the user's variables.
 *
 * @param condition decides the branch
 * @param then run when the condition holds
 * @param otherwise run when it does not; may be empty
 */
public record ConditionalStep(Condition.VariableIn condition, List<Step> then,
    List<Step> otherwise) implements Step {

  public ConditionalStep {
    then = List.copyOf(then);
    otherwise = List.copyOf(otherwise);
  }

  @Override
  public String describe() {
    return "if " + condition.describe() + " [" + Flows.describe(then) + "]"
        + (otherwise.isEmpty() ? "" : " else [" + Flows.describe(otherwise) + "]");
  }
}
