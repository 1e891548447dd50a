package dev.loadtest.plan;

import java.util.List;

/**
 * What a scenario's users do around their tasks, and the rows they read.
 *
 * @param onStart steps each user runs once, before its first task (log in)
 * @param onStop steps each user runs once, when it stops (clean up what it created)
 * @param feeders feeders whose rows the users read, in the order the scenario lists them
 */
public record UserFlows(List<Step> onStart, List<Step> onStop, List<FeederPlan> feeders) {

  /** No lifecycle steps, no feeders. */
  public static final UserFlows NONE = new UserFlows(List.of(), List.of(), List.of());

  public UserFlows {
    onStart = List.copyOf(onStart);
    onStop = List.copyOf(onStop);
    feeders = List.copyOf(feeders);
  }
}
