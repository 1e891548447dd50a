package dev.loadtest.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomSeries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording one custom series: buckets, the value window, intervals and the run so far. */
class CustomSeriesStatsTest {

  private static final CustomSeries STEPS = new CustomSeries(0, new CustomMetric("steps",
      CustomMetric.Kind.HISTOGRAM, "steps", "", List.of(1.0, 5.0, 10.0)), Map.of());

  @Test
  void valuesFallInTheFirstBucketWhoseBoundHoldsThemAndMergeExactly() {
    CustomSeriesStats stats = new CustomSeriesStats(STEPS);
    // 1 and 5 sit on bounds: a bucket holds its bound (Prometheus' le).
    for (double value : new double[] {0, 1, 1.5, 5, 7, 10, 11}) {
      stats.record(value);
    }
    stats.recordMissing();

    CustomSeriesValues first = stats.sample();
    stats.record(3);
    CustomSeriesValues second = stats.sample();

    assertThat(first.bucketCounts()).containsExactly(2, 2, 2, 1);
    assertThat(first.count()).isEqualTo(7);
    assertThat(first.sum()).isEqualTo(35.5);
    assertThat(first.missing()).isEqualTo(1);
    assertThat(first.min()).isZero();
    assertThat(first.max()).isEqualTo(11);
    assertThat(second.bucketCounts()).containsExactly(0, 1, 0, 0);
    CustomSeriesValues soFar = stats.cumulative();
    assertThat(soFar.bucketCounts()).containsExactly(2, 3, 2, 1);
    assertThat(soFar.count()).isEqualTo(8);
    assertThat(soFar.values().getTotalCount()).isEqualTo(8);
    // 0, 1, 1.5, 3, 5, 7, 10, 11: the fourth value is the median, within 1%.
    assertThat(soFar.percentile(50)).isCloseTo(3, org.assertj.core.data.Percentage
        .withPercentage(1));
  }

  @Test
  void valuesOutsideTheWindowAreCountedAsMissingAndEveryIntervalStillMerges() {
    CustomSeriesStats stats = new CustomSeriesStats(STEPS);
    stats.record(CustomHistograms.LOWEST_VALUE);
    stats.sample();
    stats.record(CustomHistograms.HIGHEST_VALUE);
    stats.record(CustomHistograms.HIGHEST_VALUE * 10);
    stats.record(CustomHistograms.LOWEST_VALUE / 10);

    CustomSeriesValues interval = stats.sample();

    assertThat(interval.count()).isEqualTo(1);
    assertThat(interval.missing()).isEqualTo(2);
    assertThat(stats.cumulative().values().getTotalCount()).isEqualTo(2);
  }

  @Test
  void discardingTheWarmUpRestartsTheRunSoFarButNotTheNextInterval() {
    CustomSeriesStats stats = new CustomSeriesStats(STEPS);
    stats.record(2);
    stats.sample();
    stats.discardSoFar();
    stats.record(4);

    stats.sample();

    assertThat(stats.cumulative().count()).isEqualTo(1);
    assertThat(stats.cumulative().sum()).isEqualTo(4);
  }
}
