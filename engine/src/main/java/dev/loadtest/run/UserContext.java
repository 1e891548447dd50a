package dev.loadtest.run;

import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TemplateContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One virtual user's view for templates: its own seeded random source, the values its steps
 * extracted, its feeder rows, and the run's setup values. Looked up in that order, then the
 * spec's variables. Confined to the user, which runs on one thread at a time.
 */
final class UserContext implements TemplateContext {

  private final ScenarioPlan scenario;
  private final SplittableRandom random;
  private final String userId;
  private final RunVariables runVariables;
  private final Map<String, String> variables = new HashMap<>();
  private long iteration;

  UserContext(ScenarioPlan scenario, long seed, long userId) {
    this(scenario, seed, userId, new RunVariables());
  }

  /** @param runVariables what the run's setup extracted, shared by every user */
  UserContext(ScenarioPlan scenario, long seed, long userId, RunVariables runVariables) {
    this.scenario = scenario;
    this.random = new SplittableRandom(seed);
    this.userId = Long.toString(userId);
    this.runVariables = runVariables;
  }

  /** The scenario the user belongs to. */
  ScenarioPlan scenario() {
    return scenario;
  }

  void nextIteration() {
    iteration++;
  }

  /** Sets a variable the user's later steps read: an extracted value. */
  void set(String name, String value) {
    variables.put(name, value);
  }

  /** Takes a feeder row: each value becomes the variable of its column. */
  void setRow(List<String> variableNames, List<String> row) {
    for (int i = 0; i < variableNames.size(); i++) {
      variables.put(variableNames.get(i), row.get(i));
    }
  }

  /** The values the user's steps extracted, for the run's setup to publish. */
  Map<String, String> extracted() {
    return Map.copyOf(variables);
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public String variable(String name) {
    switch (name) {
      case "userId":
        return userId;
      case "iteration":
        return Long.toString(iteration);
      case "scenario":
        return scenario.name();
      default:
        return lookUp(name);
    }
  }

  /** An unset variable (a branch that did not run) renders as empty text. */
  private String lookUp(String name) {
    String value = variables.get(name);
    if (value == null) {
      value = runVariables.get(name);
    }
    return value != null ? value : scenario.variables().getOrDefault(name, "");
  }

  @Override
  public long epochMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public String toString() {
    // Values may be API keys or tokens: names only.
    return "UserContext[" + scenario.name() + " " + userId + ", iteration " + iteration
        + ", variables " + variables.keySet() + "]";
  }
}
