package dev.loadtest.plan;

import java.util.List;
import java.util.Map;

/**
 * Steps run once per run, and the feeders the run reads.
 *
 * @param setup run before any user starts; what it extracts every user can read
 * @param teardown run after the load, with the variables setup extracted
 * @param feeders every feeder the spec defines
 * @param variables the spec's top-level variables, which setup and teardown may read
 */
public record RunFlows(List<Step> setup, List<Step> teardown, List<FeederPlan> feeders,
    Map<String, String> variables) {

  /** Nothing before or after the load, no feeders. */
  public static final RunFlows NONE = new RunFlows(List.of(), List.of(), List.of(), Map.of());

  public RunFlows {
    setup = List.copyOf(setup);
    teardown = List.copyOf(teardown);
    feeders = List.copyOf(feeders);
    variables = Map.copyOf(variables);
  }
}
