package dev.loadtest.plan;

import java.util.List;
import java.util.Optional;

/**
 * Runs steps several times: {@code times} passes, or while a condition holds (checked before
 * each pass), never more than {@code times} passes.
 *
 * @param times the number of passes, or the bound on them with {@code whileHolds}
 * @param whileHolds checked before each pass; empty for a fixed count
 * @param steps the body, run in order on each pass
 */
public record RepeatStep(int times, Optional<Condition.VariableIn> whileHolds, List<Step> steps)
    implements Step {

  public RepeatStep {
    steps = List.copyOf(steps);
  }

  @Override
  public String describe() {
    return "repeat " + whileHolds.map(c -> "while " + c.describe() + " (at most " + times + ")")
        .orElse(times + " times") + " [" + Flows.describe(steps) + "]";
  }
}
