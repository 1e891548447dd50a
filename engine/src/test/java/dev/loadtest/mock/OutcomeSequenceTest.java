package dev.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.OutcomeSequence.Draw;
import dev.loadtest.mock.OutcomeSequence.Outcome;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeSequenceTest {

  private static final LatencyDistribution UNIFORM_10_TO_20_MS =
      new LatencyDistribution.Uniform(Duration.ofMillis(10), Duration.ofMillis(20));

  @Test
  void sameSeedGivesSameDraws() {
    MockSettings settings = new MockSettings(UNIFORM_10_TO_20_MS, 0.2, 0.1, 42);

    assertThat(draws(new OutcomeSequence(settings), 1_000))
        .isEqualTo(draws(new OutcomeSequence(settings), 1_000));
  }

  @Test
  void differentSeedsGiveDifferentDraws() {
    List<Draw> seed1 = draws(sequence(0.2, 0, 1), 200);
    List<Draw> seed2 = draws(sequence(0.2, 0, 2), 200);

    assertThat(seed1).isNotEqualTo(seed2);
    // Seeds next to each other must not replay the same draws shifted by one request.
    assertThat(seed1.subList(1, 200)).isNotEqualTo(seed2.subList(0, 199));
  }

  @Test
  void drawDependsOnlyOnTheSequenceNumberNotOnTheOrderOfCalls() {
    MockSettings settings = new MockSettings(UNIFORM_10_TO_20_MS, 0.5, 0.2, 9);
    OutcomeSequence outOfOrder = new OutcomeSequence(settings);
    Draw late = outOfOrder.draw(500);

    assertThat(draws(outOfOrder, 501).get(500)).isEqualTo(late);
  }

  @Test
  void outcomesFollowTheConfiguredRates() {
    int draws = 20_000;
    Map<Outcome, Integer> counts = countOutcomes(sequence(0.2, 0.1, 3), draws);

    // Binomial standard deviations are about 57 and 42; five of them is a loose bound.
    assertThat(counts.get(Outcome.SERVER_ERROR)).isBetween(4_000 - 285, 4_000 + 285);
    assertThat(counts.get(Outcome.RATE_LIMITED)).isBetween(2_000 - 210, 2_000 + 210);
  }

  @Test
  void zeroRatesNeverFailAndFullRatesAlwaysFail() {
    LatencyDistribution none = new LatencyDistribution.Fixed(Duration.ZERO);

    assertThat(countOutcomes(new OutcomeSequence(new MockSettings(none, 0, 0, 1)), 5_000))
        .containsOnlyKeys(Outcome.OK);
    assertThat(countOutcomes(new OutcomeSequence(new MockSettings(none, 1, 0, 1)), 5_000))
        .containsOnlyKeys(Outcome.SERVER_ERROR);
    assertThat(countOutcomes(new OutcomeSequence(new MockSettings(none, 0.5, 0.5, 1)), 5_000))
        .containsOnlyKeys(Outcome.SERVER_ERROR, Outcome.RATE_LIMITED);
  }

  @Test
  void delaysComeFromTheLatencyDistribution() {
    List<Draw> uniform = draws(sequence(0, 0, 5), 2_000);
    LatencyDistribution fixed = new LatencyDistribution.Fixed(Duration.ofMillis(50));

    assertThat(uniform).allSatisfy(draw -> assertThat(draw.delayNanos())
        .isBetween(Duration.ofMillis(10).toNanos(), Duration.ofMillis(20).toNanos()));
    assertThat(draws(new OutcomeSequence(new MockSettings(fixed, 0, 0, 5)), 100))
        .allSatisfy(draw -> assertThat(draw.delayNanos()).isEqualTo(50_000_000L));
  }

  @Test
  void statusCodesAreTheDocumentedOnes() {
    assertThat(Outcome.OK.status()).isEqualTo(200);
    assertThat(Outcome.SERVER_ERROR.status()).isEqualTo(500);
    assertThat(Outcome.RATE_LIMITED.status()).isEqualTo(429);
  }

  private static OutcomeSequence sequence(double errorRate, double rateLimitRate, long seed) {
    return new OutcomeSequence(
        new MockSettings(UNIFORM_10_TO_20_MS, errorRate, rateLimitRate, seed));
  }

  private static List<Draw> draws(OutcomeSequence sequence, int count) {
    List<Draw> draws = new ArrayList<>();
    for (long n = 0; n < count; n++) {
      draws.add(sequence.draw(n));
    }
    return draws;
  }

  private static Map<Outcome, Integer> countOutcomes(OutcomeSequence sequence, int count) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Draw draw : draws(sequence, count)) {
      counts.merge(draw.outcome(), 1, Integer::sum);
    }
    return counts;
  }
}
