package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting users by weight: exact parts by largest remainder, never a user lost or doubled. */
class SharesTest {

  static Stream<Arguments> splits() {
    return Stream.of(
        // Three equal shares of 10: the one left over goes to the earliest tie.
        Arguments.of(10, new double[] {1, 1, 1}, new int[] {4, 3, 3}),
        // 7.5 and 2.5: a tie on the remainder, again to the earlier part.
        Arguments.of(10, new double[] {3, 1}, new int[] {8, 2}),
        // Divides exactly: no remainder to hand out.
        Arguments.of(200, new double[] {3, 1}, new int[] {150, 50}),
        // --users 7 over three equal weights.
        Arguments.of(7, new double[] {1, 1, 1}, new int[] {3, 2, 2}),
        // 1.43, 2.86, 5.71: the two left over go to the two largest remainders.
        Arguments.of(10, new double[] {1, 2, 4}, new int[] {1, 3, 6}),
        // A zero weight gets nothing, even when users are left over.
        Arguments.of(5, new double[] {0, 1, 1}, new int[] {0, 3, 2}),
        // Nothing to split.
        Arguments.of(0, new double[] {3, 1}, new int[] {0, 0}),
        // Fewer users than parts: the earliest ties get them.
        Arguments.of(2, new double[] {1, 1, 1, 1}, new int[] {1, 1, 0, 0}),
        // A single part takes everything.
        Arguments.of(13, new double[] {5}, new int[] {13}));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("splits")
  void splitsByLargestRemainder(int total, double[] weights, int[] expected) {
    assertThat(Shares.split(total, weights)).containsExactly(expected);
  }

  @Test
  void partsAlwaysAddUpToTheTotal() {
    double[][] weightVectors = {
        {1}, {1, 1}, {1, 1, 1}, {3, 1}, {2, 3, 5, 7, 11, 13}, {0, 1, 0, 2}, {10, 5, 1},
        {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {97, 89, 83}, {0, 0, 1}, {1000000, 1}};
    for (double[] weights : weightVectors) {
      for (int total = 0; total <= 200; total++) {
        int[] parts = Shares.split(total, weights);

        String row = total + " over " + Arrays.toString(weights);
        assertThat(parts).as(row).hasSize(weights.length);
        assertThat(Arrays.stream(parts).sum()).as(row).isEqualTo(total);
        for (int i = 0; i < parts.length; i++) {
          double exact = total * weights[i] / Arrays.stream(weights).sum();
          // Largest remainder never moves a part more than one away from its exact share.
          assertThat((double) parts[i]).as(row + " part " + i)
              .isBetween(Math.floor(exact), Math.ceil(exact));
        }
      }
    }
  }
}
