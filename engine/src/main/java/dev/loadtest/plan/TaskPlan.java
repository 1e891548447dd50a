package dev.loadtest.plan;

import java.util.List;

/**
 * One unit of work a virtual user picks by weight: steps run in order.
 *
 * @param name the task's name
 * @param steps what the task does, in order
 * @param stopsOnFailure a failed request ends the pass over the steps: a flow's later steps
 *     use what the earlier ones created; a plain list of requests goes on regardless
 */
public record TaskPlan(String name, List<Step> steps, boolean stopsOnFailure) {

  public TaskPlan {
    steps = List.copyOf(steps);
  }

  /** A list of independent requests: a failure does not stop the rest. */
  public TaskPlan(String name, List<Step> steps) {
    this(name, steps, false);
  }

  /** Number of requests one run of the task sends, estimated for flows with loops. */
  public int requestCount() {
    return Flows.requestCount(steps);
  }

  public String describe() {
    return Flows.describe(steps);
  }
}
