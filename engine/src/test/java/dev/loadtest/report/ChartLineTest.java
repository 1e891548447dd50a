package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long time series are thinned for the charts without losing their highs and lows. */
class ChartLineTest {

  @Test
  void shortSeriesAreDrawnWhole() {
    double[] x = {1, 2, 3};
    double[] y = {5, 0, 7};

    ChartLine line = ChartLine.of(x, y);

    assertThat(line.x()).containsExactly(1, 2, 3);
    assertThat(line.y()).containsExactly(5, 0, 7);
  }

  @Test
  void anHourOfSecondsKeepsEverySpikeAndDipInTimeOrder() {
    double[] x = IntStream.range(0, 3600).mapToDouble(i -> i + 1).toArray();
    double[] y = IntStream.range(0, 3600).mapToDouble(i -> 20 + i % 7).toArray();
    y[1234] = 950; // a one-second stall
    y[2500] = 0; // a second without requests

    ChartLine line = ChartLine.of(x, y);

    assertThat(line.x().length).isLessThanOrEqualTo(ChartLine.MAX_POINTS).isGreaterThan(700);
    assertThat(line.x()).isSorted().contains(1235, 2501);
    assertThat(Arrays.stream(line.y()).max().orElseThrow()).isEqualTo(950);
    assertThat(Arrays.stream(line.y()).min().orElseThrow()).isEqualTo(0);
    assertThat(line.x()[line.x().length - 1]).isGreaterThan(3590);
  }

  @Test
  void aFlatSeriesKeepsOnePointPerStretch() {
    double[] x = IntStream.range(0, 10_000).mapToDouble(i -> i).toArray();
    double[] y = new double[10_000];
    Arrays.fill(y, 50);

    ChartLine line = ChartLine.of(x, y);

    assertThat(line.x()).hasSizeLessThanOrEqualTo(ChartLine.MAX_POINTS / 2)
        .hasSizeGreaterThan(ChartLine.MAX_POINTS / 3);
    assertThat(line.y()).containsOnly(50);
  }
}
