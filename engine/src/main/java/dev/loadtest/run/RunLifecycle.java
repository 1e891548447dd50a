package dev.loadtest.run;

import dev.loadtest.plan.ClosedLoad;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.plan.ThinkTime;
import dev.loadtest.plan.WeightedTable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the spec's setup steps before the load and its teardown steps after it, each as one
 * flow of a user of its own. What setup extracts is published for every user and for teardown.
 * Called from the thread that drives the run, which it blocks while a flow runs; the flows
 * themselves run on HTTP callbacks and the scheduler like any other.
 */
final class RunLifecycle {

  /** A teardown that takes longer is left behind, so that a broken target cannot hang the end. */
  static final long TEARDOWN_LIMIT_SECONDS = 60;

  private final RunContext run;
  private final TestPlan plan;

  RunLifecycle(RunContext run, TestPlan plan) {
    this.run = run;
    this.plan = plan;
  }

  /**
   * Runs setup and publishes its variables.
   *
   * @throws RunFailedException when a setup step fails: users would start without what it
   *     was to create
   */
  void setup() throws RunFailedException, InterruptedException {
    if (plan.flows().setup().isEmpty()) {
      return;
    }
    UserContext user = user("setup");
    Optional<String> failure = runFlow("setup", plan.flows().setup(), user, Long.MAX_VALUE);
    if (failure.isPresent()) {
      throw new RunFailedException("setup failed: " + failure.get());
    }
    run.runVariables.publish(user.extracted());
  }

  /** Runs teardown; a failure is a warning, since the load's results stand. */
  void teardown(Consumer<String> warnings) throws InterruptedException {
    if (plan.flows().teardown().isEmpty()) {
      return;
    }
    Optional<String> failure = runFlow("teardown", plan.flows().teardown(), user("teardown"),
        TimeUnit.SECONDS.toNanos(TEARDOWN_LIMIT_SECONDS));
    failure.ifPresent(message -> warnings.accept("teardown failed: " + message));
  }

  /** Runs {@code stop} on the scheduler and waits for it, so the drain sees what it holds. */
  static void onSchedulerAndWait(RunContext run, Runnable stop) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    run.onScheduler(() -> {
      try {
        stop.run();
      } finally {
        done.countDown();
      }
    });
    done.await(10, TimeUnit.SECONDS);
  }

  private UserContext user(String name) {
    int index = plan.scenarios().size();
    ScenarioPlan scenario = new ScenarioPlan(name, index, new ClosedLoad(List.of()),
        new ThinkTime.None(), new WeightedTable<>(List.of(new TaskPlan(name, List.of())),
            List.of(1)), List.of(), plan.flows().variables());
    return new UserContext(scenario, Seeds.forUser(plan.seed(), index, 0), 0,
        run.runVariables);
  }

  private Optional<String> runFlow(String name, List<Step> steps, UserContext user,
      long limitNanos) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    TaskRun flow = new TaskRun(run, user.scenario(), user, new TaskPlan(name, steps, true),
        System.nanoTime(), 0, false, () -> false, done::countDown);
    flow.start();
    if (!done.await(limitNanos, TimeUnit.NANOSECONDS)) {
      return Optional.of("still running after " + TimeUnit.NANOSECONDS.toSeconds(limitNanos)
          + " s");
    }
    return flow.failure();
  }

  @Override
  public String toString() {
    return "RunLifecycle[setup " + plan.flows().setup().size() + " steps, teardown "
        + plan.flows().teardown().size() + " steps]";
  }
}
