package dev.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.stats.ProcessCpuMeter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The CPU gauge with an injected process CPU time and clock: no waiting, exact figures. */
class GeneratorGaugesTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong cpuTime = new AtomicLong();
  private final AtomicLong clock = new AtomicLong();
  private final GeneratorGauges gauges = new GeneratorGauges(
      new ProcessCpuMeter(cpuTime::get, clock::get, 2), clock::get);

  @Test
  void readersWithinASecondSeeOneFigureInsteadOfShorteningEachOthersStretch() {
    assertThat(gauges.cpuRatio()).as("nothing measured yet").isNegative();

    // 1.5 CPU-seconds over 1 s of two processors: 75%.
    cpuTime.set(3 * SECOND / 2);
    clock.set(SECOND);
    assertThat(gauges.cpuRatio()).isEqualTo(0.75);
    // A push right after the scrape: the same figure, not the share of a few microseconds.
    cpuTime.addAndGet(1_000);
    clock.addAndGet(2_000);
    assertThat(gauges.cpuRatio()).isEqualTo(0.75);

    // A second after the last measurement: 0.5 CPU-seconds of 2 processors is 25%.
    cpuTime.set(2 * SECOND);
    clock.set(2 * SECOND);
    assertThat(gauges.cpuRatio()).isEqualTo(0.25);
  }
}
