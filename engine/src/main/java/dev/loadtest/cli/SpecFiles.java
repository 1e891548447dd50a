package dev.loadtest.cli;

import dev.loadtest.plan.MetricsCompiler;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.Segment;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecDocument;
import dev.loadtest.spec.SpecException;
import dev.loadtest.spec.SpecLoader;
import java.util.Map;

/** Loads, validates and compiles the spec a command names. */
final class SpecFiles {

  private SpecFiles() {}

  static TestPlan compile(SpecOptions options, Map<String, String> environment, long seedIfUnset)
      throws SpecException {
    // Option mistakes are usage errors: report them before reading any file.
    Overrides overrides = options.overrides();
    SpecDocument document = new SpecLoader(environment)
        .load(options.files, options.effectiveSets(environment));
    return new PlanCompiler(environment).compile(document, overrides, seedIfUnset);
  }

  /**
   * Compiles one worker's share of the plan. Workers must make the same random choices (Poisson
   * arrivals above all), so a spec without a seed gets one derived from its hash, the same in
   * every worker, instead of a fresh one.
   */
  static TestPlan compileSegment(SpecOptions options, Map<String, String> environment,
      Segment segment, long freshSeed) throws SpecException {
    Overrides overrides = options.overrides();
    SpecDocument document = new SpecLoader(environment)
        .load(options.files, options.effectiveSets(environment));
    long seedIfUnset = segment.isWhole() ? freshSeed
        : Long.parseUnsignedLong(document.sha256().substring(0, 15), 16);
    return new PlanCompiler(environment).compile(document, overrides, seedIfUnset)
        .forSegment(segment);
  }

  /**
   * Compiles the spec's {@code metrics} section. Loads the files again: the run reads them once
   * more, at a cost of milliseconds, instead of changing what {@link #compile} returns.
   */
  static MetricsPlan compileMetrics(SpecOptions options, Map<String, String> environment)
      throws SpecException {
    SpecDocument document = new SpecLoader(environment)
        .load(options.files, options.effectiveSets(environment));
    return new MetricsCompiler().compile(document);
  }
}
