package dev.loadtest.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses to merge folders that are not the workers of one segmented run: each check names
 * the folders and what differs. A missing worker is not refused here: the merged report says
 * so and fails instead. Stateless.
 */
final class MergeChecks {

  private MergeChecks() {}

  static void check(List<RunMerger.Input> inputs) throws MergeMismatchException {
    RunMerger.Input first = inputs.get(0);
    for (RunMerger.Input input : inputs.subList(1, inputs.size())) {
      sameSpec(first, input);
      sameSegmentCount(first, input);
      same(first, input, "seed", first.document().metadata().seed(),
          input.document().metadata().seed());
      same(first, input, "request names", first.document().requestNames(),
          input.document().requestNames());
    }
    noWorkerTwice(inputs);
  }

  private static void sameSpec(RunMerger.Input first, RunMerger.Input other)
      throws MergeMismatchException {
    String a = first.document().metadata().specSha256();
    String b = other.document().metadata().specSha256();
    if (!a.equals(b)) {
      throw new MergeMismatchException("different specs: " + first.directory() + " ran spec "
          + a.substring(0, 12) + ", " + other.directory() + " ran spec " + b.substring(0, 12)
          + "; merge only the workers of one run (same spec files, overlays and --set)");
    }
  }

  private static void sameSegmentCount(RunMerger.Input first, RunMerger.Input other)
      throws MergeMismatchException {
    RunSegments a = first.document().metadata().segments();
    RunSegments b = other.document().metadata().segments();
    if (a.count() != b.count()) {
      throw new MergeMismatchException("different numbers of workers: " + first.directory()
          + " holds " + a.describe() + ", " + other.directory() + " holds " + b.describe()
          + "; every worker of one run uses the same N in --segment I/N");
    }
  }

  private static void same(RunMerger.Input first, RunMerger.Input other, String what, Object a,
      Object b) throws MergeMismatchException {
    if (!a.equals(b)) {
      throw new MergeMismatchException("different " + what + ": " + first.directory() + " has "
          + a + ", " + other.directory() + " has " + b);
    }
  }

  private static void noWorkerTwice(List<RunMerger.Input> inputs)
      throws MergeMismatchException {
    Map<Integer, RunMerger.Input> seen = new HashMap<>();
    for (RunMerger.Input input : inputs) {
      for (int worker : input.document().metadata().segments().workers()) {
        RunMerger.Input earlier = seen.putIfAbsent(worker, input);
        if (earlier != null) {
          int count = input.document().metadata().segments().count();
          throw new MergeMismatchException("worker " + worker + " of " + count + " twice: in "
              + earlier.directory() + " and in " + input.directory()
              + (count == 1 ? " (both are whole runs, not segments of one run)" : ""));
        }
      }
    }
  }
}
