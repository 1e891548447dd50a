package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;

/**
 * A spec compiled once into what the engine executes: immutable, free of YAML and of any HTTP
 * library, with every choice table and template prepared up front.
 *
 * @param name the spec's name
 * @param specSha256 hash of the spec files, to tell runs of different specs apart
 * @param seed seed of every random choice the run makes
 * @param target where requests go
 * @param preflight the request that must pass before load starts
 * @param scenarios user classes, each with its own load profile
 * @param requestNames distinct request names; a request's {@code statsKey} indexes this list
 * @param thresholds pass/fail criteria
 * @param scores what the user-experience score and goodput count as good
 * @param flows setup and teardown steps, and the feeders
 * @param customMetrics the metrics and series requests record into ({@code metrics:})
 * @param segment the share of the whole this plan runs; {@link Segment#WHOLE} for all of it
 */
public record TestPlan(
    String name,
    String specSha256,
    long seed,
    TargetPlan target,
    Preflight preflight,
    List<ScenarioPlan> scenarios,
    List<String> requestNames,
    List<Threshold> thresholds,
    ScoreSettings scores,
    RunFlows flows,
    CustomMetrics customMetrics,
    Segment segment) {

  public TestPlan {
    scenarios = List.copyOf(scenarios);
    requestNames = List.copyOf(requestNames);
    thresholds = List.copyOf(thresholds);
  }

  /** The whole plan, run by one process. */
  public TestPlan(String name, String specSha256, long seed, TargetPlan target,
      Preflight preflight, List<ScenarioPlan> scenarios, List<String> requestNames,
      List<Threshold> thresholds, ScoreSettings scores, RunFlows flows,
      CustomMetrics customMetrics) {
    this(name, specSha256, seed, target, preflight, scenarios, requestNames, thresholds, scores,
        flows, customMetrics, Segment.WHOLE);
  }

  /** A plan with the default scores. */
  public TestPlan(String name, String specSha256, long seed, TargetPlan target,
      Preflight preflight, List<ScenarioPlan> scenarios, List<String> requestNames,
      List<Threshold> thresholds) {
    this(name, specSha256, seed, target, preflight, scenarios, requestNames, thresholds,
        ScoreSettings.DEFAULT);
  }

  /** A plan without setup, teardown or feeders. */
  public TestPlan(String name, String specSha256, long seed, TargetPlan target,
      Preflight preflight, List<ScenarioPlan> scenarios, List<String> requestNames,
      List<Threshold> thresholds, ScoreSettings scores) {
    this(name, specSha256, seed, target, preflight, scenarios, requestNames, thresholds, scores,
        RunFlows.NONE);
  }

  /** A plan without custom metrics. */
  public TestPlan(String name, String specSha256, long seed, TargetPlan target,
      Preflight preflight, List<ScenarioPlan> scenarios, List<String> requestNames,
      List<Threshold> thresholds, ScoreSettings scores, RunFlows flows) {
    this(name, specSha256, seed, target, preflight, scenarios, requestNames, thresholds, scores,
        flows, CustomMetrics.NONE);
  }

  /** True when a scenario runs an open load model: arrivals, drops and lag are measured. */
  public boolean hasOpenModel() {
    return scenarios.stream().anyMatch(scenario -> scenario.load() instanceof OpenLoad);
  }

  /**
   * This worker's share of the whole plan: its users, concurrency caps, shared iterations,
   * feeder rows and open-model arrivals; thresholds, names and the spec hash stay the whole's.
   */
  public TestPlan forSegment(Segment share) {
    return share.isWhole() ? this : PlanSegments.slice(this, share);
  }

  /** Time from the first user's start until the last scenario's profile ends. */
  public Duration duration() {
    return scenarios.stream()
        .map(ScenarioPlan::end)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** What the run will need, computed without running it. */
  public PlanNeeds needs() {
    return PlanNeeds.of(this);
  }

  /** A multi-line description of the plan for {@code validate} and the run banner. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("plan ").append(name).append(" (spec ").append(specSha256, 0, 12).append(")\n");
    if (!segment.isWhole()) {
      text.append("  segment ").append(segment).append(": this worker's share of the whole")
          .append(" (users, arrivals, iterations and rows k with k mod ").append(segment.count())
          .append(" = ").append(segment.index() - 1).append(")\n");
    }
    text.append("  target: ").append(target.describe()).append('\n');
    text.append("  preflight: ").append(preflight.describe()).append('\n');
    for (FeederPlan feeder : flows.feeders()) {
      text.append("  ").append(feeder.describe()).append('\n');
    }
    if (!flows.setup().isEmpty()) {
      text.append("  setup: ").append(Flows.describe(flows.setup())).append('\n');
    }
    if (!flows.teardown().isEmpty()) {
      text.append("  teardown: ").append(Flows.describe(flows.teardown())).append('\n');
    }
    for (ScenarioPlan scenario : scenarios) {
      text.append("  ").append(scenario.describe().replace("\n", "\n  ")).append('\n');
    }
    for (CustomSeries series : customMetrics.series()) {
      text.append("  custom metric ").append(series.metric().kind().label()).append(' ')
          .append(series.describe()).append('\n');
    }
    for (Threshold threshold : thresholds) {
      text.append("  threshold ").append(threshold.describe()).append('\n');
    }
    return text.toString();
  }
}
