package dev.loadtest.plan;

import java.util.List;

/** Helpers over lists of steps, for descriptions and the plan's needs. Stateless. */
final class Flows {

  private Flows() {}

  static String describe(List<Step> steps) {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      text.append(text.length() == 0 ? "" : " -> ").append(step.describe());
    }
    return text.toString();
  }

  /**
   * Requests one pass over the steps sends, counting a repeat's full count, a conditional's
   * larger branch and one send per poll: an estimate for the plan's needs, not a promise.
   */
  static int requestCount(List<Step> steps) {
    int count = 0;
    for (Step step : steps) {
      if (step instanceof RequestPlan || step instanceof PollStep) {
        count++;
      } else if (step instanceof RepeatStep repeat) {
        count += repeat.times() * requestCount(repeat.steps());
      } else if (step instanceof ConditionalStep branch) {
        count += Math.max(requestCount(branch.then()), requestCount(branch.otherwise()));
      }
    }
    return count;
  }
}
