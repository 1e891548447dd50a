package dev.loadtest.plan;

import java.util.List;

/**
 * One unit of work a virtual user picks by weight: steps run in order.
 *
 * @param name the task's name
 * @param steps what the task does, in order
 */
public record TaskPlan(String name, List<Step> steps) {

  public TaskPlan {
    steps = List.copyOf(steps);
  }

  /** Number of requests one run of the task sends. */
  public int requestCount() {
    return (int) steps.stream().filter(step -> step instanceof RequestPlan).count();
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      text.append(text.length() == 0 ? "" : " -> ").append(step.describe());
    }
    return text.toString();
  }
}
