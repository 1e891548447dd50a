package dev.loadtest.plan;

import java.util.List;
import java.util.Map;

/**
 * A user class: its load profile and the tasks its users pick by weight.
 *
 * @param name the scenario's name
 * @param index position in the plan, used to derive per-scenario random seeds
 * @param load how many users run it over time
 * @param thinkTime pause after each task
 * @param tasks the tasks and their weights
 * @param headers headers added to every request of this scenario
 * @param variables named constants visible to templates
 * @param startAfter time from the run's start until this scenario starts
 * @param flows the users' start and stop steps and the feeders they read
 */
public record ScenarioPlan(
    String name,
    int index,
    LoadProfile load,
    ThinkTime thinkTime,
    WeightedTable<TaskPlan> tasks,
    List<HeaderTemplate> headers,
    Map<String, String> variables,
    java.time.Duration startAfter,
    UserFlows flows) {

  public ScenarioPlan {
    headers = List.copyOf(headers);
    variables = Map.copyOf(variables);
  }

  /** A scenario that starts with the run. */
  public ScenarioPlan(String name, int index, LoadProfile load, ThinkTime thinkTime,
      WeightedTable<TaskPlan> tasks, List<HeaderTemplate> headers,
      Map<String, String> variables) {
    this(name, index, load, thinkTime, tasks, headers, variables, java.time.Duration.ZERO);
  }

  /** A scenario without start or stop steps or feeders. */
  public ScenarioPlan(String name, int index, LoadProfile load, ThinkTime thinkTime,
      WeightedTable<TaskPlan> tasks, List<HeaderTemplate> headers,
      Map<String, String> variables, java.time.Duration startAfter) {
    this(name, index, load, thinkTime, tasks, headers, variables, startAfter, UserFlows.NONE);
  }

  /** Time from the run's start until this scenario's load is over. */
  public java.time.Duration end() {
    return startAfter.plus(load.duration());
  }

  /** Requests per task, averaged by the tasks' weights. */
  public double meanRequestsPerTask() {
    double weighted = 0;
    for (int i = 0; i < tasks.size(); i++) {
      weighted += (double) tasks.weight(i) * tasks.item(i).requestCount();
    }
    return weighted / tasks.totalWeight();
  }

  public String describe() {
    StringBuilder text = new StringBuilder("scenario ").append(name).append(": ")
        .append(load.describe()).append(", think time ").append(thinkTime.describe());
    if (!startAfter.isZero()) {
      text.append(", starts after ")
          .append(dev.loadtest.spec.Quantities.formatDuration(startAfter));
    }
    if (!flows.feeders().isEmpty()) {
      text.append(", reads ")
          .append(flows.feeders().stream().map(FeederPlan::name).toList());
    }
    if (!flows.onStart().isEmpty()) {
      text.append("\n  on start: ").append(Flows.describe(flows.onStart()));
    }
    for (int i = 0; i < tasks.size(); i++) {
      text.append("\n  task ").append(tasks.item(i).name()).append(" (weight ")
          .append(tasks.weight(i)).append("): ").append(tasks.item(i).describe());
    }
    if (!flows.onStop().isEmpty()) {
      text.append("\n  on stop: ").append(Flows.describe(flows.onStop()));
    }
    return text.toString();
  }
}
