package dev.loadtest.run;

import dev.loadtest.plan.ScenarioPlan;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Ends the run when every scenario is done: at the end of its profile, or earlier when its users
 * have run all their iterations. Thread-safe; each scenario counts once.
 */
final class ScenarioCompletion {

  private final AtomicIntegerArray done;
  private final AtomicInteger remaining;
  private final RunControl control;

  ScenarioCompletion(int scenarios, RunControl control) {
    this.done = new AtomicIntegerArray(scenarios);
    this.remaining = new AtomicInteger(scenarios);
    this.control = control;
  }

  /**
   * Marks each closed-model scenario done when its profile ends; open-model drivers say when
   * they are done themselves, after their queue has drained.
   */
  void scheduleEnds(List<ScenarioPlan> scenarios, ScheduledExecutorService scheduler,
      long loadStartNanos) {
    for (ScenarioPlan scenario : scenarios) {
      if (scenario.load() instanceof dev.loadtest.plan.OpenLoad) {
        continue;
      }
      long delay = loadStartNanos + scenario.end().toNanos() - System.nanoTime();
      scheduler.schedule(() -> done(scenario.index()), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  void done(int scenarioIndex) {
    if (done.compareAndSet(scenarioIndex, 0, 1) && remaining.decrementAndGet() == 0) {
      control.complete();
    }
  }

  @Override
  public String toString() {
    return "ScenarioCompletion[remaining=" + remaining.get() + "]";
  }
}
