package dev.loadtest.mock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests received, per path. Recording is one map lookup and one {@link LongAdder} increment,
 * cheap enough for every request; reading sums the adders and is meant for tests and status
 * lines, not hot loops.
 *
 * <p>Thread-safe. Reads taken while requests arrive are not an atomic snapshot across paths.
 */
final class RequestCounters {

  /**
   * Beyond this many distinct paths, new paths share one counter, so random paths cannot grow
   * the map without bound. Approximate: concurrent first requests may overshoot it slightly.
   */
  static final int MAX_DISTINCT_PATHS = 1_000;

  /** The counter that paths beyond {@link #MAX_DISTINCT_PATHS} share. */
  static final String OTHER_PATHS = "(other paths)";

  private final ConcurrentHashMap<String, LongAdder> byPath = new ConcurrentHashMap<>();

  /** Counts one request to this path. */
  void record(String path) {
    counterFor(path).increment();
  }

  /** All requests recorded so far. */
  long total() {
    long total = 0;
    for (LongAdder counter : byPath.values()) {
      total += counter.sum();
    }
    return total;
  }

  /** An immutable copy of the counts, by path. */
  Map<String, Long> byPath() {
    Map<String, Long> copy = new HashMap<>();
    byPath.forEach((path, counter) -> copy.put(path, counter.sum()));
    return Map.copyOf(copy);
  }

  private LongAdder counterFor(String path) {
    // A plain get first: after warm-up every path is known and this never locks.
    LongAdder counter = byPath.get(path);
    if (counter != null) {
      return counter;
    }
    String key = byPath.size() < MAX_DISTINCT_PATHS ? path : OTHER_PATHS;
    return byPath.computeIfAbsent(key, unused -> new LongAdder());
  }

  @Override
  public String toString() {
    return "RequestCounters{total " + total() + ", paths " + byPath.size() + "}";
  }
}
