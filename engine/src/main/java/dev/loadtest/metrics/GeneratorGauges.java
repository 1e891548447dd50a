package dev.loadtest.metrics;

import dev.loadtest.stats.ProcessCpuMeter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.LongSupplier;

/**
 * The generator process's own CPU and heap, exported as Micrometer gauges. Safe from any thread.
 *
 * <p>Several readers ask for the CPU gauge (Prometheus scrapes, the Pushgateway pusher, a
 * scrape soon after a push), and a CPU share is only meaningful over a stretch of time. So the
 * gauge measures again only when a second has passed since its last measurement, and readers
 * within that second see the same figure, instead of each shortening the others' stretch.
 */
final class GeneratorGauges {

  private static final long REFRESH_NANOS = 1_000_000_000L;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ProcessCpuMeter cpu;
  private final LongSupplier clock;
  private long measuredAtNanos;
  private double lastShare = -1;

  GeneratorGauges() {
    this(ProcessCpuMeter.ofThisProcess(), System::nanoTime);
  }

  /** @param clock the monotonic clock that the meter uses too */
  GeneratorGauges(ProcessCpuMeter cpu, LongSupplier clock) {
    this.cpu = cpu;
    this.clock = clock;
    this.measuredAtNanos = clock.getAsLong();
  }

  /**
   * The process's CPU use over its last measured second or more, 0..1 of the processors it may
   * use; negative until a second has passed or when the JVM cannot tell.
   */
  synchronized double cpuRatio() {
    long now = clock.getAsLong();
    if (now - measuredAtNanos >= REFRESH_NANOS) {
      lastShare = cpu.shareSinceLastReading();
      measuredAtNanos = now;
    }
    return lastShare;
  }

  long heapUsedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  long heapMaxBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  /** Registers the gauges; Micrometer's Prometheus naming keeps these names as they are. */
  void bindTo(MeterRegistry registry) {
    Gauge.builder(MetricNames.GENERATOR_CPU, this, GeneratorGauges::cpuRatio)
        .description("CPU use of the load generator process over the last second or more,"
            + " 0..1 of the processors it may use.")
        .register(registry);
    Gauge.builder(MetricNames.GENERATOR_HEAP_USED, this, gauges -> gauges.heapUsedBytes())
        .description("Heap in use by the load generator, bytes.").register(registry);
    Gauge.builder(MetricNames.GENERATOR_HEAP_MAX, this, gauges -> gauges.heapMaxBytes())
        .description("Maximum heap of the load generator, bytes.").register(registry);
  }

  @Override
  public String toString() {
    return "GeneratorGauges[cpu=" + lastShare + " heapUsed=" + heapUsedBytes() + "]";
  }
}
