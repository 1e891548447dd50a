package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open model's schedule is a pure sequence: tested as one, with no clock. */
class ArrivalScheduleTest {

  @Test
  void constantRateIsExactlyEvenlySpaced() {
    // 4 arrivals per second for 2 s: every 250 ms, 8 in all, the first at 0.
    List<Long> times = all(OpenLoad.constant(4, Duration.ofSeconds(2), false, 10,
        OpenLoad.Saturation.DROP), 1);

    assertThat(times).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L,
        1_000_000_000L, 1_250_000_000L, 1_500_000_000L, 1_750_000_000L);
  }

  @Test
  void highConstantRateGivesTheExactCount() {
    // 5,000 per second for 60 s: 300,000 arrivals, none past the end.
    ArrivalSchedule schedule = new ArrivalSchedule(OpenLoad.constant(5000,
        Duration.ofSeconds(60), false, 10, OpenLoad.Saturation.DROP), 1);
    long last = 0;
    long count = 0;
    for (long next = schedule.next(); next != Long.MAX_VALUE; next = schedule.next()) {
      assertThat(next).isGreaterThanOrEqualTo(last);
      last = next;
      count++;
    }

    assertThat(count).isEqualTo(300_000);
    assertThat(last).isEqualTo(59_999_800_000L);
  }

  @Test
  void linearRampFollowsTheAreaUnderTheRate() {
    // 0 -> 100/s over 10 s: 500 arrivals; the k-th at sqrt(2k / slope) = sqrt(k / 5) s.
    OpenLoad ramp = new OpenLoad(0, List.of(new OpenLoad.RateStage(Duration.ofSeconds(10),
        100)), false, 10, OpenLoad.Saturation.DROP);
    List<Long> times = all(ramp, 1);

    assertThat(times).hasSize(500);
    assertThat(times.get(0)).isZero();
    assertThat(times.get(125) / 1e9).isCloseTo(5.0, within(1e-6));
    assertThat(times.get(499) / 1e9).isCloseTo(Math.sqrt(499 / 5.0), within(1e-6));
  }

  @Test
  void stagesChainAndAPauseAtZeroRateSendsNothing() {
    // 10/s for 1 s, down to 0 at once, 0 for 1 s, then back up to 10/s for 1 s.
    OpenLoad stages = new OpenLoad(10, List.of(
        new OpenLoad.RateStage(Duration.ofSeconds(1), 10),
        new OpenLoad.RateStage(Duration.ZERO, 0),
        new OpenLoad.RateStage(Duration.ofSeconds(1), 0),
        new OpenLoad.RateStage(Duration.ZERO, 10),
        new OpenLoad.RateStage(Duration.ofSeconds(1), 10)), false, 10,
        OpenLoad.Saturation.DROP);
    List<Long> times = all(stages, 1);

    assertThat(times).hasSize(20);
    assertThat(times).noneMatch(time -> time >= 1_000_000_000L && time < 2_000_000_000L);
    assertThat(times.get(10)).isEqualTo(2_000_000_000L);
  }

  @Test
  void poissonArrivalsAreSeededAndHaveTheRightRate() {
    OpenLoad poisson = OpenLoad.constant(200, Duration.ofSeconds(100), true, 10,
        OpenLoad.Saturation.DROP);
    List<Long> first = all(poisson, 42);
    List<Long> again = all(poisson, 42);
    List<Long> other = all(poisson, 43);

    assertThat(first).isEqualTo(again).isNotEqualTo(other);
    // 20,000 expected; a Poisson count has sigma sqrt(20,000) ~ 141: allow 4 sigma.
    assertThat(first.size()).isBetween(20_000 - 566, 20_000 + 566);
    // Exponential gaps: the share of gaps over the mean is e^-1.
    long longGaps = 0;
    for (int i = 1; i < first.size(); i++) {
      longGaps += first.get(i) - first.get(i - 1) > 5_000_000L ? 1 : 0;
    }
    assertThat((double) longGaps / first.size()).isCloseTo(Math.exp(-1), within(0.02));
  }

  @Test
  void scalingMultipliesEveryRate() {
    OpenLoad base = new OpenLoad(5, List.of(new OpenLoad.RateStage(Duration.ofSeconds(4), 15)),
        false, 10, OpenLoad.Saturation.QUEUE);

    OpenLoad doubled = base.scaledBy(2);

    assertThat(doubled.peakRate()).isEqualTo(30);
    assertThat(doubled.expectedArrivals()).isEqualTo(2 * base.expectedArrivals());
    assertThat(base.expectedArrivals()).isEqualTo(40);
  }

  private static List<Long> all(OpenLoad load, long seed) {
    ArrivalSchedule schedule = new ArrivalSchedule(load, seed);
    List<Long> times = new ArrayList<>();
    for (long next = schedule.next(); next != Long.MAX_VALUE; next = schedule.next()) {
      times.add(next);
    }
    return times;
  }
}
