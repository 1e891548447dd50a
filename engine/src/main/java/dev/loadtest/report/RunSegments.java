package dev.loadtest.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Which workers' shares of a segmented run a results folder holds: one worker's for
 * {@code run --segment I/N}, several after {@code merge}, worker 1 of 1 for a whole run.
 * Immutable.
 *
 * @param count how many workers the whole run was cut into (N)
 * @param workers the workers (1-based) whose results are held, ascending
 * @param startAt the synchronised start ({@code --start-at}) the workers counted from, if any
 * @param lateStartMillis how late each held worker reached that start, in worker order; 0 when
 *     on time or without a synchronised start
 * @param merged true for the output of {@code merge}, which should hold every worker; a
 *     worker's own folder holds its share by design
 */
public record RunSegments(int count, List<Integer> workers, Optional<Instant> startAt,
    List<Long> lateStartMillis, boolean merged) {

  /** Lateness worth telling; below it, clocks and wake-ups jitter (the engine warns alike). */
  static final long LATE_START_MILLIS = 100;

  /** A whole run by one process, started as soon as it could. */
  public static final RunSegments WHOLE = new RunSegments(1, List.of(1), Optional.empty(),
      List.of(0L), false);

  public RunSegments {
    workers = List.copyOf(workers);
    lateStartMillis = List.copyOf(lateStartMillis);
    if (workers.size() != lateStartMillis.size()) {
      throw new IllegalArgumentException("one lateness per worker");
    }
  }

  /** True for the results of one process running the whole plan. */
  public boolean isWhole() {
    return count == 1;
  }

  /** The workers of the whole whose results are not held. */
  public List<Integer> missing() {
    return IntStream.rangeClosed(1, count).filter(worker -> !workers.contains(worker)).boxed()
        .toList();
  }

  /** True for merged results that lack a worker: they cannot speak for the whole run. */
  public boolean incomplete() {
    return merged && !missing().isEmpty();
  }

  /** Workers that reached the synchronised start late, as "worker 2: 1500 ms late" texts. */
  public List<String> lateStarts() {
    List<String> late = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      if (lateStartMillis.get(i) > LATE_START_MILLIS) {
        late.add("worker " + workers.get(i) + ": " + lateStartMillis.get(i) + " ms late");
      }
    }
    return late;
  }

  /** "worker 2 of 3", or "workers 1, 2, 3 of 3". */
  public String describe() {
    String held = workers.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
        .orElse("none");
    return (workers.size() == 1 ? "worker " : "workers ") + held + " of " + count;
  }
}
