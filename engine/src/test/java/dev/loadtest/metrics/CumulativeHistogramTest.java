package dev.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.stats.LatencyHistograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CumulativeHistogramTest {

  @Test
  void countsEachIntervalIntoTheFirstBucketHoldingTheValue() {
    CumulativeHistogram cumulative = new CumulativeHistogram();
    Histogram first = LatencyHistograms.newHistogram();
    first.recordValueWithCount(3_000_000L, 4);        // 3 ms: the 5 ms bucket
    first.recordValue(1_200_000_000L);                // 1.2 s: the 1.5 s bucket
    Histogram second = LatencyHistograms.newHistogram();
    second.recordValue(90_000_000_000L);              // 90 s: above 60 s, +Inf

    cumulative.add(first);
    cumulative.add(second);

    double[] bounds = LatencyBuckets.upperBoundsSeconds();
    long[] counts = cumulative.bucketCounts();
    assertThat(counts).hasSize(bounds.length + 1);
    assertThat(counts[0]).isEqualTo(4);
    assertThat(counts[java.util.Arrays.binarySearch(bounds, 1.5)]).isEqualTo(1);
    assertThat(counts[bounds.length]).isEqualTo(1);
    assertThat(cumulative.count()).isEqualTo(6);
    assertThat(cumulative.sumSeconds()).as(cumulative.toString())
        .isCloseTo(4 * 0.003 + 1.2 + 90, org.assertj.core.data.Offset.offset(0.2));
  }
}
