package dev.loadtest.plan;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Items chosen at random in proportion to integer weights, like Locust's {@code @task(n)}.
 * Immutable and safe to share; each caller brings its own random source.
 *
 * @param <T> the item type
 */
public final class WeightedTable<T> {

  private final List<T> items;
  private final int[] weights;
  private final long[] cumulativeWeights;

  /**
   * @throws IllegalArgumentException if sizes differ, a weight is negative, or all are zero
   */
  public WeightedTable(List<T> items, List<Integer> weights) {
    if (items.size() != weights.size() || items.isEmpty()) {
      throw new IllegalArgumentException("need one weight per item and at least one item");
    }
    this.items = List.copyOf(items);
    this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
    this.cumulativeWeights = new long[this.weights.length];
    long sum = 0;
    for (int i = 0; i < this.weights.length; i++) {
      if (this.weights[i] < 0) {
        throw new IllegalArgumentException("weights must not be negative");
      }
      sum += this.weights[i];
      cumulativeWeights[i] = sum;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
  }

  /** Picks an item; item i comes with probability weight(i) / totalWeight(). */
  public T pick(RandomGenerator random) {
    long ticket = random.nextLong(totalWeight());
    // The first item whose cumulative weight exceeds the ticket; zero weights are never hit.
    int low = 0;
    int high = cumulativeWeights.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulativeWeights[middle] > ticket) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return items.get(low);
  }

  public long totalWeight() {
    return cumulativeWeights[cumulativeWeights.length - 1];
  }

  public int size() {
    return items.size();
  }

  public T item(int index) {
    return items.get(index);
  }

  public int weight(int index) {
    return weights[index];
  }

  public List<T> items() {
    return items;
  }

  @Override
  public String toString() {
    return "WeightedTable" + Arrays.toString(weights);
  }
}
