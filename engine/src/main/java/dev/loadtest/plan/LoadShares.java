package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.SourceLocation;
import dev.loadtest.spec.SpecNode;
import dev.loadtest.spec.SpecProblem;
import dev.loadtest.spec.SpecSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what share of the load each selected scenario gets, from the top-level {@code load},
 * the scenarios' own {@code load}, their weights, and {@code --users} / {@code --rate}.
 *
 * <p>Rules: scenarios without a load of their own share the top-level load by weight (closed:
 * users, by largest remainder so the shares add up exactly; open: the rate and the concurrency
 * cap). {@code --users N} rescales every closed scenario so their users add up to exactly N;
 * {@code --rate R} scales every open scenario so their peak rates add up to R. How each share
 * becomes a profile over time is {@link LoadProfiles}' business.
 */
final class LoadShares {

  private final NodeReader reader;
  private final MapNode root;
  private final Overrides overrides;
  private final List<MapNode> selected = new ArrayList<>();
  private final Map<MapNode, Integer> users = new HashMap<>();
  private final Map<MapNode, Double> rateFactors = new HashMap<>();
  private final LoadProfiles profiles;

  LoadShares(NodeReader reader, MapNode root, Overrides overrides) {
    this.reader = reader;
    this.root = root;
    this.overrides = overrides;
    this.profiles = new LoadProfiles(reader, overrides);
    reader.map(root, "load").ifPresent(load -> LoadProfiles.check(reader, load));
    select();
    selected.forEach(scenario -> reader.map(scenario, "load")
        .ifPresent(load -> LoadProfiles.check(reader, load)));
    shareClosedUsers();
    shareOpenRates();
    checkOverridesApply();
  }

  /** The scenarios to run, in spec order. */
  List<MapNode> selectedScenarios() {
    return selected;
  }

  /** The profile of a selected scenario. */
  LoadProfile loadOf(MapNode scenario) {
    Optional<MapNode> own = reader.map(scenario, "load");
    MapNode load = loadNode(scenario);
    if (LoadProfiles.isOpen(load)) {
      double share = own.isPresent() ? 1 : weightShare(scenario, this::isSharedOpen);
      int cap = own.isPresent() ? LoadProfiles.maxConcurrency(reader, load)
          : Math.max(1, concurrencyShare(scenario));
      return profiles.open(load, share * rateFactors.getOrDefault(scenario, 1.0), cap);
    }
    int scenarioUsers = users.getOrDefault(scenario, 0);
    int groupUsers = own.isPresent() ? scenarioUsers : sharedClosedUsers();
    return profiles.closed(load, scenario, scenarioUsers, groupUsers);
  }

  private MapNode loadNode(MapNode scenario) {
    return reader.map(scenario, "load").or(() -> reader.map(root, "load")).orElse(scenario);
  }

  private boolean isOpen(MapNode scenario) {
    return LoadProfiles.isOpen(loadNode(scenario));
  }

  private boolean isSharedOpen(MapNode scenario) {
    return !scenario.has("load") && isOpen(scenario);
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

  private void shareClosedUsers() {
    List<MapNode> shared = selected.stream()
        .filter(scenario -> !scenario.has("load") && !isOpen(scenario)).toList();
    if (!shared.isEmpty()) {
      shareTopLevelUsers(shared);
    }
    for (MapNode scenario : selected) {
      reader.map(scenario, "load").filter(load -> !LoadProfiles.isOpen(load))
          .ifPresent(load -> users.put(scenario, ownUsers(load)));
    }
    overrides.users().ifPresent(this::rescaleUsers);
  }

  private void shareTopLevelUsers(List<MapNode> shared) {
    Optional<MapNode> load = reader.map(root, "load");
    boolean usersGiven = load.isPresent() && (load.get().has("users") || load.get().has("stages"));
    if (!usersGiven && overrides.users().isEmpty()) {
      SpecNode where = load.isPresent() ? load.get() : root;
      reader.problem(where, "no users: set load.users (scenario "
          + reader.text(shared.get(0), "name", "?") + " has no load of its own)");
    }
    int total = load.map(node -> LoadProfiles.peakStageUsers(reader, node)).orElse(0);
    double[] weights = shared.stream().mapToDouble(this::weight).toArray();
    if (Arrays.stream(weights).sum() == 0) {
      reader.problem(root.field("scenarios").orElse(root),
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
    if (!load.has("users") && !load.has("stages") && overrides.users().isEmpty()) {
      reader.problem(load, "this scenario's load sets no users: add users: N");
    }
    return LoadProfiles.peakStageUsers(reader, load);
  }

  /** Scales every selected closed scenario so that their users add up to exactly {@code n}. */
  private void rescaleUsers(int total) {
    List<MapNode> closed = selected.stream().filter(scenario -> !isOpen(scenario)).toList();
    if (closed.isEmpty()) {
      reader.problems().add(commandLineProblem("--users", Integer.toString(total),
          "--users applies to closed-model scenarios, and every selected scenario is open"
              + " (arrivalRate): use --rate to scale their arrival rate"));
      return;
    }
    double[] current = closed.stream().mapToDouble(s -> users.getOrDefault(s, 0)).toArray();
    double[] weights = Arrays.stream(current).sum() > 0 ? current
        : closed.stream().mapToDouble(this::weight).toArray();
    if (Arrays.stream(weights).sum() == 0) {
      weights = closed.stream().mapToDouble(s -> 1).toArray();
    }
    int[] parts = Shares.split(total, weights);
    for (int i = 0; i < closed.size(); i++) {
      users.put(closed.get(i), parts[i]);
    }
  }

  private void shareOpenRates() {
    if (overrides.rate().isEmpty()) {
      return;
    }
    double wanted = overrides.rate().getAsDouble();
    List<MapNode> open = selected.stream().filter(this::isOpen).toList();
    if (open.isEmpty()) {
      reader.problems().add(commandLineProblem("--rate", Double.toString(wanted),
          "--rate applies to open-model scenarios (arrivalRate), and none is selected: use"
              + " --users for closed-model scenarios"));
      return;
    }
    double peak = 0;
    for (MapNode scenario : open) {
      double share = scenario.has("load") ? 1 : weightShare(scenario, this::isSharedOpen);
      peak += share * LoadProfiles.peakRate(reader, loadNode(scenario));
    }
    double factor = peak == 0 ? 0 : wanted / peak;
    open.forEach(scenario -> rateFactors.put(scenario, factor));
  }

  /** This scenario's weight over the weights of the scenarios sharing the same load. */
  private double weightShare(MapNode scenario, java.util.function.Predicate<MapNode> group) {
    double total = selected.stream().filter(group).mapToDouble(this::weight).sum();
    return total == 0 ? 0 : weight(scenario) / total;
  }

  private int concurrencyShare(MapNode scenario) {
    List<MapNode> shared = selected.stream().filter(this::isSharedOpen).toList();
    int cap = reader.map(root, "load").map(load -> LoadProfiles.maxConcurrency(reader, load))
        .orElse(1);
    double[] weights = shared.stream().mapToDouble(this::weight).toArray();
    if (Arrays.stream(weights).sum() == 0) {
      return 1;
    }
    return Shares.split(cap, weights)[shared.indexOf(scenario)];
  }

  private int sharedClosedUsers() {
    return selected.stream().filter(scenario -> !scenario.has("load") && !isOpen(scenario))
        .mapToInt(scenario -> users.getOrDefault(scenario, 0)).sum();
  }

  private void checkOverridesApply() {
    boolean anyRamp = selected.stream().map(this::loadNode)
        .anyMatch(load -> !LoadProfiles.isOpen(load) && !load.has("stages"));
    if (!anyRamp && (overrides.rampUpTime().isPresent()
        || overrides.rampUpUsersPerSecond().isPresent())) {
      reader.problems().add(commandLineProblem("--ramp-up", "", "--ramp-up applies to closed"
          + " scenarios with users and rampUp; the selected scenarios use stages or arrival"
          + " rates: change their stages with --set instead"));
    }
  }

  static SpecProblem commandLineProblem(String option, String value, String message) {
    String line = option + " " + value;
    SpecSource source = new SpecSource("command line", List.of(line));
    return new SpecProblem(new SourceLocation(source, 1, option.length() + 2), option, message);
  }
}
