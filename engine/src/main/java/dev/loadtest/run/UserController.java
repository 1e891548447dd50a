package dev.loadtest.run;

import dev.loadtest.plan.ClosedLoad;
import dev.loadtest.plan.ScenarioPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a scenario's number of active users equal to its closed-model profile: wakes up exactly
 * when the profile says the number changes, starts users in order and stops the most recently
 * started first. Runs on the run's scheduler thread only.
 */
final class UserController {

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final ClosedLoad load;
  private final AtomicInteger activeUsers;
  private final AtomicLong userIds;
  private final Deque<VirtualUser> active = new ArrayDeque<>();
  private long loadStartNanos;
  private boolean stopped;

  UserController(RunContext run, ScenarioPlan scenario, AtomicInteger activeUsers,
      AtomicLong userIds) {
    this.run = run;
    this.scenario = scenario;
    this.load = (ClosedLoad) scenario.load();
    this.activeUsers = activeUsers;
    this.userIds = userIds;
  }

  void start(long loadStartNanos) {
    this.loadStartNanos = loadStartNanos;
    run.scheduler.execute(this::adjust);
  }

  /** Stops every user; they finish their current request. Call on the scheduler thread. */
  void stopAll() {
    stopped = true;
    while (!active.isEmpty()) {
      stopUser();
    }
  }

  private void adjust() {
    if (stopped) {
      return;
    }
    long elapsed = System.nanoTime() - loadStartNanos;
    int target = load.usersAt(elapsed);
    while (active.size() < target) {
      startUser();
    }
    while (active.size() > target) {
      stopUser();
    }
    long next = load.nextChangeNanos(elapsed);
    if (next != Long.MAX_VALUE) {
      long delay = next - (System.nanoTime() - loadStartNanos);
      run.scheduler.schedule(this::adjust, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  private void startUser() {
    activeUsers.incrementAndGet();
    VirtualUser user = new VirtualUser(run, scenario, userIds.incrementAndGet());
    active.push(user);
    user.start();
  }

  private void stopUser() {
    active.pop().stop();
    activeUsers.decrementAndGet();
  }

  @Override
  public String toString() {
    return "UserController[" + scenario.name() + ", active=" + active.size() + ", stopped="
        + stopped + "]";
  }
}
