package dev.loadtest.run;

import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TemplateContext;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One virtual user's view for templates: its own seeded random source and variables. Confined
 * to the user, which runs on one thread at a time.
 */
final class UserContext implements TemplateContext {

  private final ScenarioPlan scenario;
  private final SplittableRandom random;
  private final String userId;
  private long iteration;

  UserContext(ScenarioPlan scenario, long seed, long userId) {
    this.scenario = scenario;
    this.random = new SplittableRandom(seed);
    this.userId = Long.toString(userId);
  }

  void nextIteration() {
    iteration++;
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
        return scenario.variables().getOrDefault(name, "");
    }
  }

  @Override
  public long epochMillis() {
    return System.currentTimeMillis();
  }
}
