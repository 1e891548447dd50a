package dev.loadtest.metrics;

import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.plan.TestPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code scenario} and {@code request} labels of each request name, indexed by statsKey.
 * Statistics are kept per request name; a name sent by several scenarios carries their names
 * joined with commas. Immutable.
 *
 * @param scenarios per statsKey, the scenario label
 * @param requests per statsKey, the request name
 */
record RequestLabels(List<String> scenarios, List<String> requests) {

  RequestLabels {
    scenarios = List.copyOf(scenarios);
    requests = List.copyOf(requests);
  }

  static RequestLabels of(TestPlan plan) {
    List<Set<String>> users = new ArrayList<>();
    plan.requestNames().forEach(name -> users.add(new TreeSet<>()));
    for (ScenarioPlan scenario : plan.scenarios()) {
      for (TaskPlan task : scenario.tasks().items()) {
        for (Step step : task.steps()) {
          if (step instanceof RequestPlan request) {
            users.get(request.statsKey()).add(scenario.name());
          }
        }
      }
    }
    return new RequestLabels(users.stream().map(names -> String.join(",", names)).toList(),
        plan.requestNames());
  }

  int size() {
    return requests.size();
  }
}
