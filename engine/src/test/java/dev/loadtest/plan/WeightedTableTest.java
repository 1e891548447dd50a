package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Picking tasks by weight: proportions, zero weights, and the tables it refuses to build. */
class WeightedTableTest {

  private static final int PICKS = 100_000;

  static Map<String, Integer> countPicks(WeightedTable<String> table, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < PICKS; i++) {
      counts.merge(table.pick(random), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void picksInProportionToWeights() {
    WeightedTable<String> table =
        new WeightedTable<>(List.of("browse", "search", "checkout"), List.of(10, 5, 1));

    Map<String, Integer> counts = countPicks(table, 42);

    assertThat(table.totalWeight()).isEqualTo(16);
    assertThat(counts.get("browse") / (double) PICKS).isCloseTo(10 / 16.0, within(0.01));
    assertThat(counts.get("search") / (double) PICKS).isCloseTo(5 / 16.0, within(0.01));
    assertThat(counts.get("checkout") / (double) PICKS).isCloseTo(1 / 16.0, within(0.01));
  }

  @Test
  void neverPicksZeroWeightItems() {
    // Zero weights at the start, in the middle and at the end of the table.
    WeightedTable<String> table = new WeightedTable<>(
        List.of("first", "a", "middle", "b", "last"), List.of(0, 1, 0, 3, 0));

    Map<String, Integer> counts = countPicks(table, 7);

    assertThat(counts).containsOnlyKeys("a", "b");
    assertThat(counts.get("b")).isGreaterThan(counts.get("a"));
  }

  @Test
  void sameSeedPicksTheSameSequence() {
    WeightedTable<String> table =
        new WeightedTable<>(List.of("x", "y", "z"), List.of(2, 3, 4));
    SplittableRandom first = new SplittableRandom(99);
    SplittableRandom second = new SplittableRandom(99);

    for (int i = 0; i < 1_000; i++) {
      assertThat(table.pick(first)).isEqualTo(table.pick(second));
    }
  }

  @Test
  void exposesItemsAndWeightsInOrder() {
    WeightedTable<String> table = new WeightedTable<>(List.of("a", "b"), List.of(3, 0));

    assertThat(table.size()).isEqualTo(2);
    assertThat(table.items()).containsExactly("a", "b");
    assertThat(table.item(1)).isEqualTo("b");
    assertThat(table.weight(0)).isEqualTo(3);
    assertThat(table.weight(1)).isZero();
    assertThat(table).hasToString("WeightedTable[3, 0]");
  }

  static Stream<Arguments> invalidTables() {
    return Stream.of(
        // Every weight zero: nothing could ever be picked.
        Arguments.of(List.of("a", "b"), List.of(0, 0), "at least one weight must be positive"),
        // A negative weight.
        Arguments.of(List.of("a", "b"), List.of(2, -1), "weights must not be negative"),
        // More items than weights.
        Arguments.of(List.of("a", "b"), List.of(1), "need one weight per item"),
        // More weights than items.
        Arguments.of(List.of("a"), List.of(1, 1), "need one weight per item"),
        // Nothing at all.
        Arguments.of(List.of(), List.of(), "at least one item"));
  }

  @ParameterizedTest
  @MethodSource("invalidTables")
  void rejectsInvalidTables(List<String> items, List<Integer> weights, String message) {
    assertThatThrownBy(() -> new WeightedTable<>(items, weights))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
