package dev.loadtest.cli;

import dev.loadtest.plan.MetricsCompiler;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
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
