package dev.loadtest.stats;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Measures this process's CPU use between two of its own readings, from the CPU time the
 * process has consumed. Each reader keeps its own meter: the JVM's
 * {@code getProcessCpuLoad()} measures since anyone's last call, so two readers at the same
 * interval's end get the real figure and a zero. Thread-safe.
 */
// Limitation: the meter sees only the generator's own CPU time; other processes that keep the
// machine busy slow the generator without raising it, so no saturation warning follows (the
// open model's lag warning still shows the delay).
public final class ProcessCpuMeter {

  private final LongSupplier cpuTimeNanos;
  private final LongSupplier wallNanos;
  private final int cores;
  private long lastCpuNanos;
  private long lastWallNanos;

  /**
   * @param cpuTimeNanos CPU time the process has used so far, all threads; negative unknown
   * @param wallNanos a monotonic clock, e.g. {@code System::nanoTime}
   * @param cores processors the process may use; the share is of all of them
   */
  public ProcessCpuMeter(LongSupplier cpuTimeNanos, LongSupplier wallNanos, int cores) {
    this.cpuTimeNanos = cpuTimeNanos;
    this.wallNanos = wallNanos;
    this.cores = Math.max(1, cores);
    restart();
  }

  /** A meter of the running JVM, its share taken of the processors it may use. */
  public static ProcessCpuMeter ofThisProcess() {
    return new ProcessCpuMeter(ProcessCpuMeter::processCpuTimeNanos, System::nanoTime,
        Runtime.getRuntime().availableProcessors());
  }

  private static long processCpuTimeNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Measures from now on, e.g. from the load's start rather than from the setup. */
  public synchronized void restart() {
    lastCpuNanos = cpuTimeNanos.getAsLong();
    lastWallNanos = wallNanos.getAsLong();
  }

  /**
   * The process's CPU use since the last reading (or restart), 0..1 of all its processors;
   * -1 when the JVM cannot tell or no time has passed.
   */
  public synchronized double shareSinceLastReading() {
    long cpu = cpuTimeNanos.getAsLong();
    long wall = wallNanos.getAsLong();
    long cpuUsed = cpu - lastCpuNanos;
    long wallPassed = wall - lastWallNanos;
    boolean known = cpu >= 0 && lastCpuNanos >= 0 && wallPassed > 0;
    lastCpuNanos = cpu;
    lastWallNanos = wall;
    // Clock granularity can put a fully busy process a hair above 1.
    return known ? Math.min(1, Math.max(0, cpuUsed / ((double) wallPassed * cores))) : -1;
  }

  @Override
  public synchronized String toString() {
    return "ProcessCpuMeter[cores=" + cores + " lastCpuNanos=" + lastCpuNanos + "]";
  }
}
