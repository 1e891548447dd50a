package dev.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeneratorSelfCheckTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void warnsOnceAfterTheCpuStaysAboveTheLimit() {
    GeneratorSelfCheck check = new GeneratorSelfCheck(0.9, Duration.ofSeconds(3));

    assertThat(check.observe(0, 1 * SECOND, 0.95)).isEmpty();
    assertThat(check.observe(1 * SECOND, 2 * SECOND, 0.5)).as("a dip resets the clock")
        .isEmpty();
    assertThat(check.observe(2 * SECOND, 3 * SECOND, 0.95)).isEmpty();
    assertThat(check.observe(3 * SECOND, 4 * SECOND, 0.97)).isEmpty();
    assertThat(check.observe(4 * SECOND, 5 * SECOND, 0.99)).get().asString()
        .contains("above 90% for 3 s so far (peak 99%)", "skewed");
    assertThat(check.saturated()).isTrue();
    assertThat(check.observe(5 * SECOND, 6 * SECOND, 0.99)).as("said once").isEmpty();
    assertThat(check.observe(6 * SECOND, 7 * SECOND, 0.2)).isEmpty();
    assertThat(check.saturated()).as(check.toString()).isFalse();
  }
}
