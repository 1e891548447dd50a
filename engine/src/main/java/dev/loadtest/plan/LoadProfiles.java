package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.Quantities;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@code load} section and a scenario's share of it into a {@link LoadProfile}, applying
 * {@code --duration} and {@code --ramp-up}.
 *
 * <p>{@code --duration D} is the length of each scenario's own profile (its {@code startAfter}
 * comes on top): with rampUp/hold/rampDown the hold takes what the ramps leave; with
 * {@code stages}, every stage is stretched or shrunk in proportion; an open constant rate runs
 * for D.
 */
final class LoadProfiles {

  /** Iterations in flight when an open model sets no cap: plenty, yet bounded. */
  static final int DEFAULT_MAX_CONCURRENCY = 1000;
  /** How long iteration-limited users may run when no hold is set (k6's maxDuration). */
  static final Duration DEFAULT_MAX_ITERATION_TIME = Duration.ofMinutes(10);

  private final NodeReader reader;
  private final Overrides overrides;

  LoadProfiles(NodeReader reader, Overrides overrides) {
    this.reader = reader;
    this.overrides = overrides;
  }

  private static final java.util.Set<String> CLOSED_KEYS = java.util.Set.of("users", "rampUp",
      "hold", "rampDown", "iterations", "sharedIterations", "pacing",
      "correctCoordinatedOmission");
  private static final java.util.Set<String> OPEN_KEYS = java.util.Set.of("arrivalRate",
      "duration", "poisson", "maxConcurrency", "whenSaturated");
  private static final java.util.Set<String> RAMP_KEYS = java.util.Set.of("users", "rampUp",
      "hold", "rampDown");

  /**
   * Checks what the schema cannot: one load is one model, and stages replace the ramp keys.
   * Each mistake points at the key that does not belong.
   */
  static void check(NodeReader reader, MapNode load) {
    boolean open = isOpen(load);
    for (String key : load.fields().keySet()) {
      if (open && CLOSED_KEYS.contains(key)) {
        keyProblem(reader, load, key, "'" + key + "' belongs to the closed model (users), but"
            + " this load is open (arrivalRate or stages of rates); keep one model per load");
      } else if (!open && OPEN_KEYS.contains(key)) {
        keyProblem(reader, load, key, "'" + key + "' belongs to the open model (arrivalRate),"
            + " but this load is closed (users); keep one model per load");
      } else if (load.has("stages") && RAMP_KEYS.contains(key)) {
        keyProblem(reader, load, key, "'" + key + "' cannot be used with stages: the stages"
            + " say how many users there are and when");
      }
    }
    if (load.has("iterations") && load.has("sharedIterations")) {
      keyProblem(reader, load, "sharedIterations", "set iterations (per user) or"
          + " sharedIterations (for all users), not both");
    }
    checkStagesAgree(reader, load, open);
  }

  private static void checkStagesAgree(NodeReader reader, MapNode load, boolean open) {
    for (SpecNode stage : reader.list(load, "stages")) {
      MapNode map = (MapNode) stage;
      if (open && map.has("users") || !open && map.has("rate")) {
        reader.problem(map, "every stage of a load sets the same thing: users (closed model)"
            + " or rate (open model)");
      }
    }
  }

  private static void keyProblem(NodeReader reader, MapNode load, String key, String message) {
    reader.problems().add(new dev.loadtest.spec.SpecProblem(load.keyLocation(key),
        dev.loadtest.spec.SpecNode.childPath(load.path(), key), message));
  }

  /** Open if it sets an arrival rate, or stages of rates. */
  static boolean isOpen(MapNode load) {
    if (load.has("arrivalRate")) {
      return true;
    }
    return load.field("stages").filter(ListNode.class::isInstance)
        .map(stages -> ((ListNode) stages).elements().stream()
            .anyMatch(stage -> stage instanceof MapNode map && map.has("rate")))
        .orElse(false);
  }

  /** The users of a closed load: {@code users}, or the highest stage. */
  static int peakStageUsers(NodeReader reader, MapNode load) {
    if (load.has("users")) {
      return (int) reader.integer(load, "users", 0);
    }
    return reader.list(load, "stages").stream()
        .mapToInt(stage -> (int) reader.integer((MapNode) stage, "users", 0)).max().orElse(0);
  }

  static int maxConcurrency(NodeReader reader, MapNode load) {
    return (int) reader.integer(load, "maxConcurrency", DEFAULT_MAX_CONCURRENCY);
  }

  /** The highest rate an open load section writes. */
  static double peakRate(NodeReader reader, MapNode load) {
    double peak = reader.scalar(load, "arrivalRate").map(ScalarNode::asDouble).orElse(0.0);
    for (SpecNode stage : reader.list(load, "stages")) {
      peak = Math.max(peak, reader.scalar((MapNode) stage, "rate").map(ScalarNode::asDouble)
          .orElse(0.0));
    }
    return peak;
  }

  OpenLoad open(MapNode load, double rateFactor, int maxConcurrency) {
    double initial = reader.scalar(load, "arrivalRate").map(ScalarNode::asDouble).orElse(0.0);
    List<OpenLoad.RateStage> stages = new ArrayList<>();
    if (load.has("stages")) {
      List<Duration> lengths = stretched(load);
      List<SpecNode> nodes = reader.list(load, "stages");
      for (int i = 0; i < nodes.size(); i++) {
        double rate = reader.scalar((MapNode) nodes.get(i), "rate").map(ScalarNode::asDouble)
            .orElse(0.0);
        stages.add(new OpenLoad.RateStage(lengths.get(i), rate * rateFactor));
      }
    } else {
      stages.add(new OpenLoad.RateStage(constantRateDuration(load), initial * rateFactor));
    }
    OpenLoad.Saturation saturation = reader.text(load, "whenSaturated", "drop").equals("queue")
        ? OpenLoad.Saturation.QUEUE : OpenLoad.Saturation.DROP;
    return new OpenLoad(initial * rateFactor, stages, reader.bool(load, "poisson", false),
        Math.max(1, maxConcurrency), saturation);
  }

  private Duration constantRateDuration(MapNode load) {
    if (overrides.duration().isPresent()) {
      return overrides.duration().get();
    }
    Optional<Duration> duration = reader.duration(load, "duration");
    if (duration.isEmpty()) {
      reader.problem(load, "no duration: an arrivalRate runs for load.duration (like 5m), or"
          + " pass --duration");
      return Duration.ZERO;
    }
    return duration.get();
  }

  ClosedLoad closed(MapNode load, MapNode scenario, int users, int groupUsers) {
    IterationLimit iterations = iterations(load);
    Duration pacing = reader.duration(load, "pacing").orElse(Duration.ZERO);
    boolean correct = reader.bool(load, "correctCoordinatedOmission", false);
    if (correct && pacing.isZero()) {
      reader.problem(load.field("correctCoordinatedOmission").orElse(load),
          "correctCoordinatedOmission needs pacing: the correction fills in the iterations that"
              + " an overrun kept from starting on time");
    }
    if (load.has("stages")) {
      return new ClosedLoad(userStages(load, users), iterations, pacing, correct);
    }
    Duration rampUp = rampUp(load, groupUsers);
    Duration rampDown = reader.duration(load, "rampDown").orElse(Duration.ZERO);
    Duration hold = hold(load, scenario, rampUp, rampDown, iterations);
    return new ClosedLoad(ClosedLoad.rampHoldRampDown(users, rampUp, hold, rampDown).stages(),
        iterations, pacing, correct);
  }

  private IterationLimit iterations(MapNode load) {
    if (load.has("iterations")) {
      return new IterationLimit.PerUser(reader.integer(load, "iterations", 1));
    }
    if (load.has("sharedIterations")) {
      return new IterationLimit.Shared(reader.integer(load, "sharedIterations", 1));
    }
    return new IterationLimit.Unlimited();
  }

  /** Closed stages, their users scaled when {@code --users} changed the scenario's peak. */
  private List<ClosedLoad.Stage> userStages(MapNode load, int users) {
    List<SpecNode> nodes = reader.list(load, "stages");
    int written = peakStageUsers(reader, load);
    List<Duration> lengths = stretched(load);
    List<ClosedLoad.Stage> stages = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      long stageUsers = reader.integer((MapNode) nodes.get(i), "users", 0);
      long scaled = written == 0 ? 0 : Math.round((double) stageUsers * users / written);
      stages.add(new ClosedLoad.Stage(lengths.get(i), (int) scaled));
    }
    return stages;
  }

  /** Stage lengths, stretched in proportion when {@code --duration} sets the total. */
  private List<Duration> stretched(MapNode load) {
    List<Duration> lengths = reader.list(load, "stages").stream()
        .map(stage -> reader.duration((MapNode) stage, "duration").orElse(Duration.ZERO))
        .toList();
    long written = lengths.stream().mapToLong(Duration::toNanos).sum();
    if (overrides.duration().isEmpty() || written == 0) {
      return lengths;
    }
    double factor = (double) overrides.duration().get().toNanos() / written;
    return lengths.stream().map(length -> Duration.ofNanos(Math.round(length.toNanos()
        * factor))).toList();
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

  private Duration hold(MapNode load, MapNode scenario, Duration rampUp, Duration rampDown,
      IterationLimit iterations) {
    if (overrides.duration().isPresent()) {
      Duration total = overrides.duration().get();
      Duration hold = total.minus(rampUp).minus(rampDown);
      if (hold.isNegative()) {
        reader.problems().add(LoadShares.commandLineProblem("--duration",
            Quantities.formatDuration(total), "--duration " + Quantities.formatDuration(total)
                + " is shorter than ramp-up " + Quantities.formatDuration(rampUp)
                + " + ramp-down " + Quantities.formatDuration(rampDown) + " of scenario "
                + reader.text(scenario, "name", "?")));
        return Duration.ZERO;
      }
      return hold;
    }
    Optional<Duration> hold = reader.duration(load, "hold");
    if (hold.isPresent()) {
      return hold.get();
    }
    if (!(iterations instanceof IterationLimit.Unlimited)) {
      return DEFAULT_MAX_ITERATION_TIME;
    }
    reader.problem(load == scenario ? scenario : load, "no hold: set load.hold (time at full"
        + " load, like 5m) or pass --duration");
    return Duration.ZERO;
  }
}
