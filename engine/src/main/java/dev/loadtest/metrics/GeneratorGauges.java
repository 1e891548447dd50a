package dev.loadtest.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;

/**
 * The generator process's own CPU and heap, read from the JVM's management beans and exported
 * as Micrometer gauges. Safe from any thread; each read asks the JVM afresh.
 */
final class GeneratorGauges {

  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** The process's CPU use, 0..1 of all cores; negative when the JVM cannot tell. */
  double cpuRatio() {
    if (os instanceof com.sun.management.OperatingSystemMXBean process) {
      return process.getProcessCpuLoad();
    }
    return -1;
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
        .description("CPU use of the load generator process, 0..1 of all cores.")
        .register(registry);
    Gauge.builder(MetricNames.GENERATOR_HEAP_USED, this, gauges -> gauges.heapUsedBytes())
        .description("Heap in use by the load generator, bytes.").register(registry);
    Gauge.builder(MetricNames.GENERATOR_HEAP_MAX, this, gauges -> gauges.heapMaxBytes())
        .description("Maximum heap of the load generator, bytes.").register(registry);
  }

  @Override
  public String toString() {
    return "GeneratorGauges[cpu=" + cpuRatio() + " heapUsed=" + heapUsedBytes() + "]";
  }
}
