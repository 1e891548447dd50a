package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Thresholds compare strictly, and name and format themselves the way reports show them. */
class ThresholdTest {

  private static final ThresholdMetric P95 =
      new ThresholdMetric.Latency("latency.p95", ThresholdMetric.LatencyStatistic.PERCENTILE, 95);

  private static Threshold threshold(
      ThresholdMetric metric, Threshold.Comparison comparison, double limit, String written) {
    return new Threshold(metric, new ThresholdScope.AllRequests(), comparison, limit, false,
        Duration.ZERO, written);
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        // Latency below 2 s (2000 ms): exactly 2000 ms fails, a limit is a limit.
        Arguments.of(threshold(P95, Threshold.Comparison.BELOW, 2000, "2s"), 2000.0, false),
        // Just under passes.
        Arguments.of(threshold(P95, Threshold.Comparison.BELOW, 2000, "2s"), 1999.999, true),
        // Over fails.
        Arguments.of(threshold(P95, Threshold.Comparison.BELOW, 2000, "2s"), 2000.001, false),
        // errorRate below 1%: exactly 1% fails.
        Arguments.of(threshold(new ThresholdMetric.ErrorRate(), Threshold.Comparison.BELOW, 0.01,
            "1%"), 0.01, false),
        // rps above 100: exactly 100 fails.
        Arguments.of(threshold(new ThresholdMetric.RequestRate(), Threshold.Comparison.ABOVE,
            100, "100"), 100.0, false),
        // rps above 100: more passes.
        Arguments.of(threshold(new ThresholdMetric.RequestRate(), Threshold.Comparison.ABOVE,
            100, "100"), 100.5, true));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("comparisons")
  void comparesStrictly(Threshold threshold, double observed, boolean passes) {
    assertThat(threshold.passes(observed)).isEqualTo(passes);
  }

  @Test
  void errorRateBelowZeroPercentPassesWithoutFailures() {
    Threshold none = threshold(new ThresholdMetric.ErrorRate(), Threshold.Comparison.BELOW, 0,
        "0%");

    assertThat(none.passes(0.0)).isTrue();
    assertThat(none.passes(0.0001)).isFalse();
  }

  @Test
  void namesItselfWithTheLimitAsWritten() {
    Threshold all = threshold(P95, Threshold.Comparison.BELOW, 2000, "2s");
    Threshold one = new Threshold(P95, new ThresholdScope.OneRequest("checkout", 0),
        Threshold.Comparison.BELOW, 1500, true, Duration.ofMinutes(1), "1500ms");

    assertThat(all.name()).isEqualTo("latency.p95 < 2s");
    assertThat(all.describe()).isEqualTo("latency.p95 < 2s");
    assertThat(one.name()).isEqualTo("latency.p95{checkout} < 1500ms");
    assertThat(one.describe()).isEqualTo("latency.p95{checkout} < 1500ms"
        + " (aborts the run when it fails)");
  }

  @Test
  void formatsObservedValuesInTheMetricsUnit() {
    assertThat(threshold(P95, Threshold.Comparison.BELOW, 2000, "2s").formatObserved(812.4))
        .isEqualTo("812.40 ms");
    assertThat(threshold(new ThresholdMetric.ErrorRate(), Threshold.Comparison.BELOW, 0.01,
        "1%").formatObserved(0.0123)).isEqualTo("1.230%");
    assertThat(threshold(new ThresholdMetric.RequestRate(), Threshold.Comparison.ABOVE, 5,
        "5").formatObserved(12.345)).isEqualTo("12.35 req/s");
  }
}
