package dev.loadtest.run;

import dev.loadtest.plan.ClosedLoad;
import dev.loadtest.plan.IterationLimit;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Segment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a closed-model scenario's number of active users equal to its profile: wakes up exactly
 * when the profile says the number changes, starts users in order and stops the most recently
 * started first. Runs on the run's scheduler thread, except the count of users that ran out of
 * iterations, which is atomic.
 */
final class UserController implements ScenarioDriver {

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final ClosedLoad load;
  private final AtomicInteger activeUsers;
  private final AtomicLong userIds;
  private final Segment segment;
  private final Runnable onScenarioDone;
  private final AtomicLong sharedIterationsLeft;
  private final AtomicInteger finishedUsers = new AtomicInteger();
  private final Deque<VirtualUser> active = new ArrayDeque<>();
  private long startNanos;
  private int startedUsers;
  private boolean stopped;

  /** @param onScenarioDone called when every user ran out of iterations */
  UserController(RunContext run, ScenarioPlan scenario, Segment segment,
      AtomicInteger activeUsers, AtomicLong userIds, Runnable onScenarioDone) {
    this.segment = segment;
    this.run = run;
    this.scenario = scenario;
    this.load = (ClosedLoad) scenario.load();
    this.activeUsers = activeUsers;
    this.userIds = userIds;
    this.onScenarioDone = onScenarioDone;
    this.sharedIterationsLeft = load.iterations() instanceof IterationLimit.Shared shared
        ? new AtomicLong(shared.iterations()) : null;
  }

  @Override
  public void start(long loadStartNanos) {
    this.startNanos = loadStartNanos + scenario.startAfter().toNanos();
    // A worker's share may hold no users: with counted iterations, waiting for the profile's
    // upper bound (10 minutes by default) would only delay the end of the run.
    if (load.peakUsers() == 0 && !(load.iterations() instanceof IterationLimit.Unlimited)) {
      onScenarioDone.run();
      return;
    }
    run.scheduler.schedule(this::adjust, Math.max(0, startNanos - System.nanoTime()),
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void stop() {
    stopped = true;
    while (!active.isEmpty()) {
      stopUser();
    }
  }

  private void adjust() {
    if (stopped) {
      return;
    }
    long elapsed = System.nanoTime() - startNanos;
    int target = load.usersAt(elapsed);
    while (active.size() < target) {
      startUser();
    }
    while (active.size() > target) {
      stopUser();
    }
    long next = load.nextChangeNanos(elapsed);
    if (next != Long.MAX_VALUE) {
      long delay = next - (System.nanoTime() - startNanos);
      run.scheduler.schedule(this::adjust, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  private void startUser() {
    activeUsers.incrementAndGet();
    startedUsers++;
    // Numbered across workers (from 1) so that no two workers' users share a random seed.
    long userId = segment.wholeIndexOf(userIds.getAndIncrement()) + 1;
    VirtualUser user = new VirtualUser(run, scenario, userId, sharedIterationsLeft,
        this::userFinished);
    active.push(user);
    // The first send opens a connection; thousands of them must not hold up this thread,
    // which also keeps the schedule of every other user and the statistics' intervals.
    run.executor.execute(user::start);
  }

  private void stopUser() {
    active.pop().stop();
    activeUsers.decrementAndGet();
  }

  /** A user ran out of iterations; the scenario is done when all of its peak users have. */
  private void userFinished() {
    if (finishedUsers.incrementAndGet() >= load.peakUsers()) {
      onScenarioDone.run();
    }
  }

  @Override
  public String toString() {
    return "UserController[" + scenario.name() + ", active=" + active.size() + ", started="
        + startedUsers + ", finished=" + finishedUsers.get() + ", stopped=" + stopped + "]";
  }
}
