package dev.loadtest.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a whole plan into one worker's share ({@link Segment}): users, concurrency caps, shared
 * iterations and feeder rows by the segment's "item k goes to worker k mod N" rule, so that the
 * shares of all workers add up to the whole exactly. Open-model arrivals keep the whole profile:
 * the worker's {@link ArrivalSchedule} walks the whole sequence and keeps only its own arrivals,
 * so the union of the workers' schedules is the single-process schedule. Stateless.
 */
final class PlanSegments {

  private PlanSegments() {}

  // Limitation: setup and teardown steps run in every worker.
  static TestPlan slice(TestPlan whole, Segment segment) {
    if (!whole.segment().isWhole()) {
      throw new IllegalArgumentException("plan is already segment " + whole.segment());
    }
    List<ScenarioPlan> scenarios = whole.scenarios().stream()
        .map(scenario -> slice(scenario, segment)).toList();
    RunFlows flows = whole.flows();
    RunFlows slicedFlows = new RunFlows(flows.setup(), flows.teardown(),
        flows.feeders().stream().map(feeder -> slice(feeder, segment)).toList(),
        flows.variables());
    return new TestPlan(whole.name(), whole.specSha256(), whole.seed(), whole.target(),
        whole.preflight(), scenarios, whole.requestNames(), whole.thresholds(), whole.scores(),
        slicedFlows, whole.customMetrics(), segment);
  }

  private static ScenarioPlan slice(ScenarioPlan scenario, Segment segment) {
    LoadProfile load = scenario.load() instanceof OpenLoad open ? slice(open, segment)
        : slice((ClosedLoad) scenario.load(), segment);
    return new ScenarioPlan(scenario.name(), scenario.index(), load, scenario.thinkTime(),
        scenario.tasks(), scenario.headers(), scenario.variables(), scenario.startAfter(),
        scenario.flows());
  }

  /**
   * The whole's stages, run for this worker's users only (each at the whole's instant); shared
   * iterations split among the workers that have users.
   */
  static ClosedLoad slice(ClosedLoad closed, Segment segment) {
    return new ClosedLoad(closed.stages(), slice(closed.iterations(), closed.peakUsers(), segment),
        closed.pacing(), closed.correctCoordinatedOmission(), segment);
  }

  /**
   * Shared iterations go only to workers that have users: with P peak users and N workers,
   * workers 1 .. min(N, P) have them, and they split the iterations k mod min(N, P).
   */
  static IterationLimit slice(IterationLimit limit, int wholePeakUsers, Segment segment) {
    if (!(limit instanceof IterationLimit.Shared shared)) {
      return limit;
    }
    int withUsers = Math.min(segment.count(), wholePeakUsers);
    if (segment.index() > withUsers) {
      return new IterationLimit.Shared(0);
    }
    return new IterationLimit.Shared(
        new Segment(segment.index(), withUsers).shareOf(shared.iterations()));
  }

  // Limitation: a worker needs at least one slot in flight, so when an open model's
  // maxConcurrency is smaller than the number of workers, their caps add up to more than it.
  static OpenLoad slice(OpenLoad open, Segment segment) {
    return new OpenLoad(open.initialRate(), open.stages(), open.poisson(),
        Math.max(1, segment.shareOf(open.maxConcurrency())), open.whenSaturated());
  }

  /**
   * Sequential and per-user rows are dealt out like users: row r to worker r mod N, so no row is
   * used by two workers. Random rows never run out and are drawn by every worker from all rows.
   */
  // Limitation: uniquePerUser rows are dealt by row number, so when several scenarios read one
  // feeder, which user gets which row differs from a single process's order.
  static FeederPlan slice(FeederPlan feeder, Segment segment) {
    if (feeder.strategy() == FeederPlan.Strategy.RANDOM) {
      return feeder;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < feeder.rows().size(); r++) {
      if (segment.owns(r)) {
        rows.add(feeder.rows().get(r));
      }
    }
    // Recycled rows may be reused anyway: a worker left without one reuses a row of another.
    if (rows.isEmpty() && feeder.whenExhausted() == FeederPlan.Exhaustion.RECYCLE
        && !feeder.rows().isEmpty()) {
      rows.add(feeder.rows().get((segment.index() - 1) % feeder.rows().size()));
    }
    return new FeederPlan(feeder.name(), feeder.file(), feeder.columns(), rows,
        feeder.strategy(), feeder.whenExhausted(), feeder.secretColumns());
  }
}
