package dev.loadtest.report;

import dev.loadtest.stats.CpuSaturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The warnings saved with a run: what the console warned about while it ran, and the
 * generator's saturation judged after it from the CPU reading of every interval, so that the
 * figure covers the whole run. Stateless.
 */
final class RunWarnings {

  private RunWarnings() {}

  /**
   * The saturation warning, if any, then the console's warnings in the order given.
   *
   * @param intervals the run's intervals with the generator's CPU share of each
   * @param console what the console warned about, the live self-check excepted
   */
  static List<String> of(List<IntervalRecord> intervals, List<String> console) {
    List<String> warnings = new ArrayList<>();
    generatorSaturation(intervals).ifPresent(warnings::add);
    warnings.addAll(console);
    return warnings;
  }

  /** The longest stretch in which the generator's CPU stayed above the limit, described. */
  static Optional<String> generatorSaturation(List<IntervalRecord> intervals) {
    CpuSaturation saturation = CpuSaturation.withDefaults();
    intervals.forEach(interval -> saturation.observe(interval.startNanos(),
        interval.endNanos(), interval.cpuShare()));
    return saturation.longestSustained().map(saturation::describe);
  }

  /**
   * A worker's warnings as a merged run shows them, prefixed with the worker; a merged input's
   * are already prefixed.
   */
  static List<String> labelled(RunMetadata worker) {
    if (worker.segments().merged()) {
      return worker.warnings();
    }
    String label = worker.segments().describe() + ": ";
    return worker.warnings().stream().map(warning -> label + warning).toList();
  }
}
