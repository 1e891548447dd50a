package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.Quantities;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SourceLocation;
import dev.loadtest.spec.SpecNode;
import dev.loadtest.spec.SpecProblem;
import dev.loadtest.spec.SpecSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides each scenario's closed-model profile from the top-level {@code load}, the scenario's
 * own {@code load}, and the command-line overrides.
 *
 * <p>Rules: scenarios without their own load share the top-level users by weight; {@code --users}
 * rescales every selected scenario so the total is exactly N; a ramp-up rate is users per second
 * of the whole group that shares it; {@code --duration} is the total length, the hold absorbing
 * the difference.
 */
final class LoadShares {

  private final NodeReader reader;
  private final MapNode root;
  private final Overrides overrides;
  private final List<MapNode> selected = new ArrayList<>();
  private final Map<MapNode, Integer> users = new HashMap<>();

  LoadShares(NodeReader reader, MapNode root, Overrides overrides) {
    this.reader = reader;
    this.root = root;
    this.overrides = overrides;
    select();
    shareUsers();
  }

  /** The scenarios to run, in spec order. */
  List<MapNode> selectedScenarios() {
    return selected;
  }

  /** The profile of a selected scenario. */
  ClosedLoad loadOf(MapNode scenario) {
    Optional<MapNode> own = reader.map(scenario, "load");
    MapNode load = own.or(() -> reader.map(root, "load")).orElse(scenario);
    int scenarioUsers = users.getOrDefault(scenario, 0);
    int groupUsers = own.isPresent() ? scenarioUsers : sharedGroupUsers();
    Duration rampUp = rampUp(load, groupUsers);
    Duration rampDown = reader.duration(load, "rampDown").orElse(Duration.ZERO);
    Duration hold = hold(load, scenario, rampUp, rampDown);
    return ClosedLoad.rampHoldRampDown(scenarioUsers, rampUp, hold, rampDown);
  }

  private void select() {
    List<SpecNode> all = reader.list(root, "scenarios");
    List<String> names = all.stream().map(node -> reader.text((MapNode) node, "name", "")).toList();
    for (String wanted : overrides.scenarios()) {
      if (!names.contains(wanted)) {
        reader.problems().add(commandLineProblem("--scenario", wanted, "no scenario named '"
            + wanted + "' (scenarios: " + String.join(", ", names) + ")"));
      }
    }
    for (SpecNode node : all) {
      MapNode scenario = (MapNode) node;
      if (overrides.scenarios().isEmpty()
          || overrides.scenarios().contains(reader.text(scenario, "name", ""))) {
        selected.add(scenario);
      }
    }
  }

  private void shareUsers() {
    List<MapNode> shared = selected.stream().filter(scenario -> !scenario.has("load")).toList();
    if (!shared.isEmpty()) {
      shareTopLevelUsers(shared);
    }
    for (MapNode scenario : selected) {
      reader.map(scenario, "load").ifPresent(load -> users.put(scenario, ownUsers(load)));
    }
    overrides.users().ifPresent(this::rescale);
  }

  private void shareTopLevelUsers(List<MapNode> shared) {
    Optional<MapNode> load = reader.map(root, "load");
    if (load.isEmpty() || !load.get().has("users")) {
      if (overrides.users().isEmpty()) {
        SpecNode where = load.isPresent() ? load.get() : root;
        reader.problem(where, "no users: set load.users (scenario "
            + reader.text(shared.get(0), "name", "?") + " has no load of its own)");
      }
    }
    int total = load.map(node -> (int) reader.integer(node, "users", 0)).orElse(0);
    double[] weights = shared.stream().mapToDouble(this::weight).toArray();
    if (java.util.Arrays.stream(weights).sum() == 0) {
      reader.problem(reader.list(root, "scenarios").isEmpty() ? root
          : (ListNode) root.field("scenarios").orElseThrow(),
          "every scenario sharing load.users has weight 0: give at least one a positive weight");
      return;
    }
    int[] parts = Shares.split(total, weights);
    for (int i = 0; i < shared.size(); i++) {
      users.put(shared.get(i), parts[i]);
    }
  }

  private double weight(MapNode scenario) {
    return reader.integer(scenario, "weight", 1);
  }

  private int ownUsers(MapNode load) {
    if (!load.has("users") && overrides.users().isEmpty()) {
      reader.problem(load, "this scenario's load sets no users: add users: N");
    }
    return (int) reader.integer(load, "users", 0);
  }

  /** Scales every selected scenario's users so that they add up to exactly {@code total}. */
  private void rescale(int total) {
    double[] current = selected.stream().mapToDouble(s -> users.getOrDefault(s, 0)).toArray();
    boolean allZero = java.util.Arrays.stream(current).sum() == 0;
    double[] weights = allZero ? selected.stream().mapToDouble(this::weight).toArray() : current;
    if (java.util.Arrays.stream(weights).sum() == 0) {
      weights = selected.stream().mapToDouble(s -> 1).toArray();
    }
    int[] parts = Shares.split(total, weights);
    for (int i = 0; i < selected.size(); i++) {
      users.put(selected.get(i), parts[i]);
    }
  }

  private int sharedGroupUsers() {
    return selected.stream().filter(scenario -> !scenario.has("load"))
        .mapToInt(scenario -> users.getOrDefault(scenario, 0)).sum();
  }

  private Duration rampUp(MapNode load, int groupUsers) {
    if (overrides.rampUpTime().isPresent()) {
      return overrides.rampUpTime().get();
    }
    if (overrides.rampUpUsersPerSecond().isPresent()) {
      return timeAtRate(groupUsers, overrides.rampUpUsersPerSecond().getAsDouble());
    }
    Optional<ScalarNode> rampUp = reader.scalar(load, "rampUp");
    if (rampUp.isEmpty()) {
      return Duration.ZERO;
    }
    return rampUp.get().isNumber() ? timeAtRate(groupUsers, rampUp.get().asDouble())
        : reader.duration(rampUp.get());
  }

  private static Duration timeAtRate(int users, double usersPerSecond) {
    return Duration.ofNanos(Math.round(users / usersPerSecond * 1e9));
  }

  private Duration hold(MapNode load, MapNode scenario, Duration rampUp, Duration rampDown) {
    if (overrides.duration().isPresent()) {
      Duration total = overrides.duration().get();
      Duration hold = total.minus(rampUp).minus(rampDown);
      if (hold.isNegative()) {
        reader.problems().add(commandLineProblem("--duration", Quantities.formatDuration(total),
            "--duration " + Quantities.formatDuration(total) + " is shorter than ramp-up "
                + Quantities.formatDuration(rampUp) + " + ramp-down "
                + Quantities.formatDuration(rampDown) + " of scenario "
                + reader.text(scenario, "name", "?")));
        return Duration.ZERO;
      }
      return hold;
    }
    Optional<Duration> hold = reader.duration(load, "hold");
    if (hold.isEmpty()) {
      reader.problem(load == scenario ? scenario : load, "no hold: set load.hold (time at full"
          + " load, like 5m) or pass --duration");
      return Duration.ZERO;
    }
    return hold.get();
  }

  private static SpecProblem commandLineProblem(String option, String value, String message) {
    String line = option + " " + value;
    SpecSource source = new SpecSource("command line", List.of(line));
    return new SpecProblem(new SourceLocation(source, 1, option.length() + 2), option, message);
  }
}
