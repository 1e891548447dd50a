package dev.loadtest.plan;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What a plan asks of the machine and the target, known before the run: a dry run prints it.
 *
 * @param peakUsers the most virtual users active at one instant
 * @param peakRequestsPerSecond an upper bound of the request rate where think time bounds it;
 *     empty when the rate depends only on how fast the target answers
 * @param duration length of the run
 * @param connections connections the client may open to the target
 */
public record PlanNeeds(
    int peakUsers, OptionalDouble peakRequestsPerSecond, Duration duration, int connections) {

  static PlanNeeds of(TestPlan plan) {
    int peakUsers = peakUsers(plan);
    return new PlanNeeds(
        peakUsers, peakRate(plan), plan.duration(), plan.target().maxConnections(peakUsers));
  }

  /**
   * Peak users across scenarios. Each scenario's peak is exact; their sum is an upper bound when
   * scenarios peak at different times, which is the safe side for sizing connections.
   */
  private static int peakUsers(TestPlan plan) {
    return plan.scenarios().stream().mapToInt(scenario -> scenario.load().peakUsers()).sum();
  }

  /**
   * An open model sends its peak arrival rate times its requests per task; with think time or
   * pacing, a closed-model user sends at most (requests per task) per pause.
   */
  private static OptionalDouble peakRate(TestPlan plan) {
    double total = 0;
    for (ScenarioPlan scenario : plan.scenarios()) {
      if (scenario.load() instanceof OpenLoad open) {
        // A worker keeps one arrival in N of the whole schedule.
        total += open.peakRate() / plan.segment().count() * scenario.meanRequestsPerTask();
        continue;
      }
      ClosedLoad closed = (ClosedLoad) scenario.load();
      double meanThinkSeconds = Math.max(scenario.thinkTime().meanNanos(),
          closed.pacing().toNanos()) / 1e9;
      if (meanThinkSeconds <= 0) {
        return OptionalDouble.empty();
      }
      total += scenario.load().peakUsers() * scenario.meanRequestsPerTask() / meanThinkSeconds;
    }
    return OptionalDouble.of(total);
  }

  public String describe() {
    String rate = peakRequestsPerSecond.isPresent()
        ? String.format(java.util.Locale.ROOT, "at most %.1f req/s (arrival rates, think time"
            + " and pacing)",
            peakRequestsPerSecond.getAsDouble())
        : "set by the target's response time (closed model without think time or pacing)";
    return "peak users: " + peakUsers + "\n"
        + "peak rate: " + rate + "\n"
        + "duration: " + dev.loadtest.spec.Quantities.formatDuration(duration) + "\n"
        + "connections: up to " + connections;
  }
}
