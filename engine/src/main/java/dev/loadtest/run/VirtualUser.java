package dev.loadtest.run;

import dev.loadtest.plan.ClosedLoad;
import dev.loadtest.plan.IterationLimit;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.plan.UserFlows;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One virtual user of the closed model: a state machine driven by HTTP callbacks and the
 * scheduler, never a thread of its own. It takes its feeder rows, runs its onStart steps, then
 * picks a task by weight, runs it, pauses for its think time (or what its pacing interval
 * leaves), and repeats until told to stop or out of iterations or rows; then it runs its onStop
 * steps once.
 *
 * <p>Thread-safety: the user's state is touched by one thread at a time; each step is started
 * by the completion of the one before. Only {@link #stop()} is called from elsewhere; it and the
 * user's own end race for the onStop steps through an atomic flag, so they run once.
 */
final class VirtualUser {

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final ClosedLoad load;
  private final UserFlows flows;
  private final UserContext context;
  private final AtomicLong sharedIterationsLeft;
  private final Runnable onFinished;
  private final AtomicBoolean stopFlowStarted = new AtomicBoolean();
  private final AtomicBoolean drainHeld = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile boolean stopFlowDone;
  private volatile ScheduledFuture<?> pendingPause;
  private boolean started;
  private TaskRun onStartRun;
  private long iterations;
  private long iterationsStarted;
  private long iterationStartNanos;
  private boolean finished;

  /**
   * @param sharedIterationsLeft iterations left for the whole scenario (shared iterations), or
   *     null when users are not limited by a shared count
   * @param onFinished called once when the user stops by itself (out of iterations or rows)
   */
  VirtualUser(RunContext run, ScenarioPlan scenario, long userId, AtomicLong sharedIterationsLeft,
      Runnable onFinished) {
    this.run = run;
    this.scenario = scenario;
    this.load = (ClosedLoad) scenario.load();
    this.flows = scenario.flows();
    this.context = new UserContext(scenario, Seeds.forUser(run.seed, scenario.index(), userId),
        userId, run.runVariables);
    this.sharedIterationsLeft = sharedIterationsLeft;
    this.onFinished = onFinished;
  }

  void start() {
    if (!run.feeders.takeForUser(flows.feeders(), context)) {
      finish();
      return;
    }
    started = true;
    if (flows.onStart().isEmpty()) {
      beginIteration();
      return;
    }
    onStartRun = new TaskRun(run, scenario, context,
        new TaskPlan("onStart", flows.onStart(), true), System.nanoTime(), 0, false,
        () -> stopRequested, this::afterStart);
    onStartRun.start();
  }

  /** A user whose start failed (no login) has nothing to do and nothing to clean up. */
  private void afterStart() {
    if (onStartRun.failure().isPresent()) {
      stopFlowStarted.set(true);
      stopFlowDone = true;
      finish();
    } else if (stopRequested) {
      runStopFlow();
    } else {
      beginIteration();
    }
  }

  /** Asks the user to stop after its current request; then it runs its onStop steps. */
  void stop() {
    stopRequested = true;
    if (!flows.onStop().isEmpty() && !stopFlowDone && drainHeld.compareAndSet(false, true)) {
      run.holdDrain();
      if (stopFlowDone) {
        releaseDrain();
      }
    }
    ScheduledFuture<?> pause = pendingPause;
    if (pause != null && pause.cancel(false)) {
      runStopFlow();
    }
  }

  private void beginIteration() {
    pendingPause = null;
    if (stopRequested) {
      runStopFlow();
      return;
    }
    // The rows taken at the start serve the first iteration.
    boolean rowsReady = iterationsStarted++ == 0;
    if (!takeIteration() || !rowsReady
        && !run.feeders.takeForIteration(flows.feeders(), context)) {
      endByItself();
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
      runStopFlow();
      return;
    }
    long pauseNanos = pauseNanos();
    if (pauseNanos <= 0) {
      beginIteration();
      return;
    }
    try {
      pendingPause = run.scheduler.schedule(this::beginIteration, pauseNanos,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException runIsOver) {
      // The scheduler stops with the run; the user has nothing left to do.
    }
  }

  /** With pacing, what the interval has left; otherwise the think time. */
  private long pauseNanos() {
    if (!load.pacing().isZero()) {
      return load.pacing().toNanos() - (System.nanoTime() - iterationStartNanos);
    }
    return scenario.thinkTime().sampleNanos(context.random());
  }

  /** Out of iterations or rows: clean up, then tell the controller. */
  private void endByItself() {
    if (!runStopFlow(this::finish)) {
      finish();
    }
  }

  private void runStopFlow() {
    runStopFlow(() -> { });
  }

  /**
   * Runs the onStop steps once; they go on after the load's end until the drain's grace is
   * over, as cleanup should. {@code then} runs after them.
   *
   * @return false when this call did not start them (already started, or none to run)
   */
  private boolean runStopFlow(Runnable then) {
    if (!stopFlowStarted.compareAndSet(false, true)) {
      return false;
    }
    if (flows.onStop().isEmpty() || !started) {
      stopFlowDone = true;
      releaseDrain();
      return false;
    }
    if (drainHeld.compareAndSet(false, true)) {
      run.holdDrain();
    }
    new TaskRun(run, scenario, context, new TaskPlan("onStop", flows.onStop(), false),
        System.nanoTime(), 0, false, () -> !run.isRecording(), () -> {
          stopFlowDone = true;
          releaseDrain();
          then.run();
        }).start();
    return true;
  }

  private void releaseDrain() {
    if (drainHeld.compareAndSet(true, false)) {
      run.releaseDrain();
    }
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
        + iterations + ", stopRequested=" + stopRequested + ", stopFlowStarted="
        + stopFlowStarted.get() + "]";
  }
}
