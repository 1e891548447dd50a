package dev.loadtest.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One CPU reading per one-second interval, as the sampler gives them; no clock. */
class CpuSaturationTest {

  private static final long SECOND = 1_000_000_000L;

  /** Feeds {@code shares}, one per second from 0 s on; blank means unknown (-1). */
  private static CpuSaturation fed(String shares) {
    CpuSaturation saturation = new CpuSaturation(0.9, Duration.ofSeconds(3));
    String[] readings = shares.split(" ");
    for (int i = 0; i < readings.length; i++) {
      double share = readings[i].equals("?") ? -1 : Double.parseDouble(readings[i]);
      saturation.observe(i * SECOND, (i + 1) * SECOND, share);
    }
    return saturation;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # what the series shows       | shares, one per second                 | start | end | peak
      never above the limit         | 0.5 0.89 0.8 0.7                       | -1 | -1 | 0
      above, but for 2 s only       | 0.95 0.97 0.5 0.95 0.95 0.2            | -1 | -1 | 0
      exactly the sustained 3 s     | 0.5 0.9 0.93 0.95 0.5                  |  1 |  4 | 0.95
      a dip resets: longer one wins | 0.95 0.95 0.95 0.5 0.91 0.99 0.92 0.96 |  4 |  8 | 0.99
      unknown readings count below  | 0.95 0.95 ? 0.95 0.95                  | -1 | -1 | 0
      of two equal, the first       | 0.95 0.96 0.97 0.1 0.99 0.99 0.99      |  0 |  3 | 0.97
      """)
  void findsTheLongestSustainedStretch(String what, String shares, long start, long end,
      double peak) {
    Optional<CpuSaturation.Stretch> longest = fed(shares).longestSustained();

    if (start < 0) {
      assertThat(longest).as(what).isEmpty();
    } else {
      assertThat(longest).as(what)
          .contains(new CpuSaturation.Stretch(start * SECOND, end * SECOND, peak));
    }
  }

  @Test
  void saturatedNowOnlyWhileTheStretchGoesOn() {
    assertThat(fed("0.95 0.95 0.95").sustainedNow()).isPresent();
    CpuSaturation ended = fed("0.95 0.95 0.95 0.4");
    assertThat(ended.sustainedNow()).as(ended.toString()).isEmpty();
    assertThat(ended.longestSustained()).isPresent();
  }

  @Test
  void theReportSentenceCarriesTheFigures() {
    CpuSaturation saturation = CpuSaturation.withDefaults();
    CpuSaturation.Stretch stretch = new CpuSaturation.Stretch(12 * SECOND, 35 * SECOND, 0.981);

    assertThat(saturation.describe(stretch)).startsWith("results may be skewed: the load"
        + " generator's CPU stayed above 90% for 23 s (from 12 s to 35 s, peak 98%)");
    assertThat(saturation.describeOngoing(stretch)).startsWith("the load generator's CPU has"
        + " stayed above 90% for 23 s so far (peak 98%)");
  }
}
