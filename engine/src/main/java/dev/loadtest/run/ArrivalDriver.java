package dev.loadtest.run;

import dev.loadtest.plan.ArrivalSchedule;
import dev.loadtest.plan.OpenLoad;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Segment;
import dev.loadtest.plan.TaskPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives an open-model scenario: starts one iteration per arrival at its intended time, from a
 * schedule that is a pure function of the plan, whether or not earlier iterations have
 * finished. The first request of each iteration counts its latency from the intended start, so a
 * stalled target or a late generator shows in the numbers instead of being hidden.
 *
 * <p>Runs on the run's scheduler thread; iterations report back through the scheduler so that
 * the in-flight count and the queue need no locks.
 */
final class ArrivalDriver implements ScenarioDriver {

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final OpenLoad load;
  private final AtomicInteger activeIterations;
  private final ArrivalSchedule schedule;
  private final Deque<Arrival> queue = new ArrayDeque<>();
  private long startNanos;
  private long nextArrival;
  private long nextArrivalIndex;
  private long arrivals;
  private int inFlight;
  private volatile boolean stopped;

  private final Runnable onScenarioDone;
  private boolean profileOver;

  /** @param onScenarioDone called once the profile is over and no arrival waits in the queue */
  ArrivalDriver(RunContext run, ScenarioPlan scenario, Segment segment,
      AtomicInteger activeIterations, Runnable onScenarioDone) {
    this.onScenarioDone = onScenarioDone;
    this.run = run;
    this.scenario = scenario;
    this.load = (OpenLoad) scenario.load();
    this.activeIterations = activeIterations;
    this.schedule = new ArrivalSchedule(load, Seeds.forSchedule(run.seed, scenario.index()),
        segment);
  }

  @Override
  public void start(long loadStartNanos) {
    startNanos = loadStartNanos + scenario.startAfter().toNanos();
    advance();
    scheduleTick();
  }

  private void advance() {
    nextArrival = schedule.next();
    nextArrivalIndex = schedule.lastIndex();
  }

  @Override
  public void stop() {
    stopped = true;
    // Arrivals still queued were never sent: they count as dropped, not as lost.
    while (!queue.isEmpty()) {
      queue.poll();
      run.stats.recordDropped(scenario.index());
    }
  }

  private void scheduleTick() {
    if (stopped) {
      return;
    }
    if (nextArrival == Long.MAX_VALUE) {
      long end = startNanos + load.duration().toNanos() - System.nanoTime();
      run.scheduler.schedule(this::profileEnded, Math.max(0, end), TimeUnit.NANOSECONDS);
      return;
    }
    long delay = startNanos + nextArrival - System.nanoTime();
    run.scheduler.schedule(this::tick, Math.max(0, delay), TimeUnit.NANOSECONDS);
  }

  /** Starts every arrival whose time has come, catching up if the tick was late. */
  private void tick() {
    long elapsed = System.nanoTime() - startNanos;
    while (!stopped && nextArrival <= elapsed) {
      arrive(new Arrival(nextArrival, nextArrivalIndex));
      advance();
    }
    scheduleTick();
  }

  /** Queued arrivals are still served after the profile ends; then the scenario is done. */
  private void profileEnded() {
    profileOver = true;
    if (queue.isEmpty()) {
      onScenarioDone.run();
    }
  }

  private void arrive(Arrival arrival) {
    run.stats.recordArrival();
    if (inFlight < load.maxConcurrency()) {
      launch(arrival);
    } else if (load.whenSaturated() == OpenLoad.Saturation.QUEUE) {
      queue.add(arrival);
    } else {
      run.stats.recordDropped(scenario.index());
    }
  }

  private void launch(Arrival arrival) {
    inFlight++;
    activeIterations.incrementAndGet();
    arrivals++;
    long intendedNanos = startNanos + arrival.offsetNanos();
    // Numbered as in the whole schedule, so a worker's arrival makes the whole's choices.
    long number = arrival.wholeIndex();
    UserContext user = new UserContext(scenario,
        Seeds.forUser(run.seed, scenario.index(), number), number + 1, run.runVariables);
    user.nextIteration();
    // Each arrival is a new user: it takes every feeder's row once.
    if (!run.feeders.takeForUser(scenario.flows().feeders(), user)) {
      iterationDone();
      return;
    }
    TaskPlan task = scenario.tasks().pick(user.random());
    TaskRun iteration = new TaskRun(run, scenario, user, task, intendedNanos, 0, true,
        () -> stopped, () -> run.onScheduler(this::iterationDone));
    // Sending happens on a client thread: a slow send must not delay the next arrival.
    run.executor.execute(iteration::start);
  }

  private void iterationDone() {
    inFlight--;
    activeIterations.decrementAndGet();
    if (!stopped && !queue.isEmpty()) {
      launch(queue.poll());
    } else if (profileOver && queue.isEmpty()) {
      onScenarioDone.run();
    }
  }

  /** An arrival's intended start from the scenario's start, and its number in the whole. */
  private record Arrival(long offsetNanos, long wholeIndex) {}

  @Override
  public String toString() {
    return "ArrivalDriver[" + scenario.name() + ", arrivals=" + arrivals + ", inFlight="
        + inFlight + ", queued=" + queue.size() + ", stopped=" + stopped + "]";
  }
}
