package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles what runs around the tasks: the run's {@code setup} and {@code teardown}, each
 * scenario's {@code onStart} and {@code onStop}, and which feeders a scenario's users read. Works
 * out which variables each part may use: setup's extractions are visible everywhere, a
 * scenario's feeder columns and onStart extractions to its tasks and onStop.
 */
final class LifecycleCompiler {

  private final NodeReader reader;
  private final FlowCompiler flows;
  private final Map<String, FeederPlan> feeders;
  private final Set<String> setupVariables = new HashSet<>();

  /**
   * What a scenario's tasks compile with.
   *
   * @param flows the scenario's lifecycle steps and feeders
   * @param taskVariables what its tasks may read before they extract anything
   * @param compiler the flow compiler with the scenario's 429 policy
   */
  record ScenarioFlows(UserFlows flows, Set<String> taskVariables, FlowCompiler compiler) {}

  LifecycleCompiler(NodeReader reader, FlowCompiler flows, Map<String, FeederPlan> feeders) {
    this.reader = reader;
    this.flows = flows;
    this.feeders = feeders;
  }

  /** Setup and teardown; call before {@link #scenario}, whose variables include setup's. */
  RunFlows runFlows(MapNode root, Map<String, String> variables) {
    Set<String> globals = variables.keySet();
    Set<String> known = new HashSet<>(globals);
    List<Step> setup = flows.steps(reader.list(root, "setup"), known);
    known.removeAll(globals);
    setupVariables.addAll(known);
    Set<String> teardownKnown = new HashSet<>(globals);
    teardownKnown.addAll(setupVariables);
    List<Step> teardown = flows.steps(reader.list(root, "teardown"), teardownKnown);
    return new RunFlows(setup, teardown, List.copyOf(feeders.values()), variables);
  }

  /**
   * A scenario's lifecycle.
   *
   * @param variables the spec's and the scenario's variables
   */
  ScenarioFlows scenario(MapNode node, Set<String> variables, LoadProfile load) {
    FlowCompiler compiler = flows.withRateLimitDefault(
        flows.rateLimit(node, RateLimitPolicy.DEFAULT));
    Set<String> known = new HashSet<>(variables);
    known.addAll(setupVariables);
    List<FeederPlan> used = feedersOf(node, known);
    List<Step> onStart = compiler.steps(reader.list(node, "onStart"), known);
    Set<String> taskVariables = Set.copyOf(known);

    // onStop cleans up after any task, so it may read what any of them extracts.
    Set<String> stopKnown = new HashSet<>(known);
    reader.list(node, "tasks").forEach(task ->
        stopKnown.addAll(FlowCompiler.extractedNames(task)));
    List<Step> onStop = compiler.steps(reader.list(node, "onStop"), stopKnown);
    if (load instanceof OpenLoad && (node.has("onStart") || node.has("onStop"))) {
      reader.problem(node.field(node.has("onStart") ? "onStart" : "onStop").orElseThrow(),
          "onStart and onStop need users that live across iterations (load.users); in an open"
              + " model each arrival runs one task and is gone");
    }
    return new ScenarioFlows(new UserFlows(onStart, onStop, used), taskVariables, compiler);
  }

  private List<FeederPlan> feedersOf(MapNode scenario, Set<String> known) {
    List<FeederPlan> used = new ArrayList<>();
    for (SpecNode item : reader.list(scenario, "feeders")) {
      String name = ((ScalarNode) item).text();
      FeederPlan feeder = feeders.get(name);
      if (feeder == null) {
        reader.problem(item, "no feeder named '" + name + "' (feeders: "
            + String.join(", ", feeders.keySet()) + ")");
      } else if (used.contains(feeder)) {
        reader.problem(item, "feeder '" + name + "' is listed twice");
      } else {
        used.add(feeder);
        feeder.columns().forEach(column -> known.add(feeder.variableOf(column)));
      }
    }
    return used;
  }
}
