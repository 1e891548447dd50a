package dev.loadtest.run;

import dev.loadtest.plan.ClosedLoad;
import dev.loadtest.plan.IterationLimit;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TaskPlan;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One virtual user of the closed model: a state machine driven by HTTP callbacks and the
 * scheduler, never a thread of its own. It picks a task by weight, runs it, pauses for its think
 * time (or what its pacing interval leaves), and repeats until told to stop or out of
 * iterations.
 *
 * <p>Thread-safety: the user's state is touched by one thread at a time; each step is started
 * by the completion of the one before. Only {@link #stop()} is called from elsewhere.
 */
final class VirtualUser {

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final ClosedLoad load;
  private final UserContext context;
  private final AtomicLong sharedIterationsLeft;
  private final Runnable onFinished;
  private volatile boolean stopRequested;
  private long iterations;
  private long iterationStartNanos;
  private boolean finished;

  /**
   * @param sharedIterationsLeft iterations left for the whole scenario (shared iterations), or
   *     null when users are not limited by a shared count
   * @param onFinished called once when the user stops by itself (out of iterations)
   */
  VirtualUser(RunContext run, ScenarioPlan scenario, long userId, AtomicLong sharedIterationsLeft,
      Runnable onFinished) {
    this.run = run;
    this.scenario = scenario;
    this.load = (ClosedLoad) scenario.load();
    this.context = new UserContext(scenario, Seeds.forUser(run.seed, scenario.index(), userId),
        userId);
    this.sharedIterationsLeft = sharedIterationsLeft;
    this.onFinished = onFinished;
  }

  void start() {
    beginIteration();
  }

  /** Asks the user to stop after its current request; it sends nothing new. */
  void stop() {
    stopRequested = true;
  }

  private void beginIteration() {
    if (stopRequested) {
      return;
    }
    if (!takeIteration()) {
      finish();
      return;
    }
    context.nextIteration();
    TaskPlan task = scenario.tasks().pick(context.random());
    iterationStartNanos = System.nanoTime();
    long correction = load.correctCoordinatedOmission() ? load.pacing().toNanos() : 0;
    new TaskRun(run, scenario, context, task, iterationStartNanos, correction, false,
        () -> stopRequested, this::afterIteration).start();
  }

  private boolean takeIteration() {
    IterationLimit limit = load.iterations();
    if (limit instanceof IterationLimit.PerUser perUser) {
      return iterations++ < perUser.iterations();
    }
    if (limit instanceof IterationLimit.Shared) {
      return sharedIterationsLeft.getAndDecrement() > 0;
    }
    return true;
  }

  private void afterIteration() {
    if (stopRequested) {
      return;
    }
    long pauseNanos = pauseNanos();
    if (pauseNanos <= 0) {
      beginIteration();
    } else {
      run.scheduler.schedule(this::beginIteration, pauseNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** With pacing, what the interval has left; otherwise the think time. */
  private long pauseNanos() {
    if (!load.pacing().isZero()) {
      return load.pacing().toNanos() - (System.nanoTime() - iterationStartNanos);
    }
    return scenario.thinkTime().sampleNanos(context.random());
  }

  private void finish() {
    if (!finished) {
      finished = true;
      onFinished.run();
    }
  }

  @Override
  public String toString() {
    return "VirtualUser[" + scenario.name() + " " + context.variable("userId") + ", iterations="
        + iterations + ", stopRequested=" + stopRequested + "]";
  }
}
