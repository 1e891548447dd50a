package dev.loadtest.run;

import dev.loadtest.plan.FeederPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands feeder rows to users for one run: one shared cursor per feeder, so rows are spread
 * across every scenario and user that reads it. Thread-safe: cursors are atomic, rows are
 * immutable.
 *
 * <p>{@code uniquePerUser} rows are taken once, when a user starts, and kept for its life;
 * {@code sequential} and {@code random} rows are taken again at each iteration.
 */
final class Feeders {

  /** No feeders. */
  static final Feeders NONE = new Feeders(List.of(), warning -> { });

  private final Map<String, Cursor> cursors = new HashMap<>();

  /** @param warnings told once per feeder that runs out: the run's console, run.log, report */
  Feeders(List<FeederPlan> feeders, Consumer<String> warnings) {
    for (FeederPlan feeder : feeders) {
      cursors.put(feeder.name(), new Cursor(feeder, warnings));
    }
  }

  /**
   * Gives a starting user a row of every feeder it reads.
   *
   * @return false when a feeder set to stop has run out: the user must not start
   */
  boolean takeForUser(List<FeederPlan> feeders, UserContext user) {
    for (FeederPlan feeder : feeders) {
      if (!cursors.get(feeder.name()).take(user)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives a user the rows of its next iteration; per-user rows stay as they are.
   *
   * @return false when a feeder set to stop has run out: the user must stop
   */
  boolean takeForIteration(List<FeederPlan> feeders, UserContext user) {
    for (FeederPlan feeder : feeders) {
      if (feeder.strategy() != FeederPlan.Strategy.UNIQUE_PER_USER
          && !cursors.get(feeder.name()).take(user)) {
        return false;
      }
    }
    return true;
  }

  /** One feeder's position and the variable names of its columns, made once. */
  private static final class Cursor {
    private final FeederPlan feeder;
    private final Consumer<String> warnings;
    private final List<String> variableNames;
    private final AtomicLong next = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    Cursor(FeederPlan feeder, Consumer<String> warnings) {
      this.feeder = feeder;
      this.warnings = warnings;
      this.variableNames = feeder.columns().stream().map(feeder::variableOf).toList();
    }

    boolean take(UserContext user) {
      int rows = feeder.rows().size();
      long index = feeder.strategy() == FeederPlan.Strategy.RANDOM
          ? user.random().nextInt(rows) : next.getAndIncrement();
      if (index >= rows && feeder.whenExhausted() == FeederPlan.Exhaustion.STOP) {
        if (warned.compareAndSet(false, true)) {
          warnings.accept("feeder " + feeder.name() + " ran out of its " + rows
              + " rows: users that need a row stop (whenExhausted: stop)");
        }
        return false;
      }
      user.setRow(variableNames, feeder.rows().get((int) (index % rows)));
      return true;
    }

    @Override
    public String toString() {
      return "Cursor[" + feeder.name() + " at " + next.get() + "]";
    }
  }

  @Override
  public String toString() {
    return "Feeders" + cursors.values();
  }
}
