package dev.loadtest.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** CPU time and the clock are injected: the shares are exact. */
class ProcessCpuMeterTest {

  private final AtomicLong cpuNanos = new AtomicLong();
  private final AtomicLong wallNanos = new AtomicLong();

  @Test
  void shareIsCpuTimeOverWallTimeOfAllProcessors() {
    ProcessCpuMeter meter = new ProcessCpuMeter(cpuNanos::get, wallNanos::get, 4);

    wallNanos.addAndGet(1_000_000_000);
    cpuNanos.addAndGet(3_000_000_000L);
    assertThat(meter.shareSinceLastReading()).isEqualTo(0.75);
    wallNanos.addAndGet(2_000_000_000);
    cpuNanos.addAndGet(1_000_000_000);
    assertThat(meter.shareSinceLastReading()).as("since the last reading only")
        .isEqualTo(0.125);
  }

  @Test
  void readersDoNotDisturbEachOther() {
    ProcessCpuMeter recorder = new ProcessCpuMeter(cpuNanos::get, wallNanos::get, 2);
    ProcessCpuMeter selfCheck = new ProcessCpuMeter(cpuNanos::get, wallNanos::get, 2);

    wallNanos.addAndGet(1_000_000_000);
    cpuNanos.addAndGet(2_000_000_000L);

    // The JVM's getProcessCpuLoad() gave the second caller 0 here.
    assertThat(recorder.shareSinceLastReading()).isEqualTo(1.0);
    assertThat(selfCheck.shareSinceLastReading()).isEqualTo(1.0);
  }

  @Test
  void unknownCpuTimeOrNoTimePassedIsMinusOne() {
    ProcessCpuMeter unknown = new ProcessCpuMeter(() -> -1, wallNanos::get, 2);
    ProcessCpuMeter meter = new ProcessCpuMeter(cpuNanos::get, wallNanos::get, 2);

    wallNanos.addAndGet(1_000_000);
    assertThat(unknown.shareSinceLastReading()).isEqualTo(-1);
    assertThat(meter.shareSinceLastReading()).isZero();
    assertThat(meter.shareSinceLastReading()).as(meter.toString()).isEqualTo(-1);
  }
}
