package dev.loadtest.report;

import java.util.List;

/**
 * The load generator's own use of the machine, so a reader can tell a saturated generator from
 * a slow target. Immutable.
 *
 * @param cores processors available to the JVM
 * @param maxHeapBytes the JVM's maximum heap
 * @param meanCpuShare the process's mean CPU use over the intervals, 0..1 of all cores
 * @param peakCpuShare the highest interval CPU use, 0..1 of all cores
 * @param peakHeapBytes the highest heap use seen at an interval's end
 */
public record GeneratorUsage(int cores, long maxHeapBytes, double meanCpuShare,
    double peakCpuShare, long peakHeapBytes) {

  /** Summarises the samples taken at each interval's end. */
  static GeneratorUsage of(int cores, long maxHeapBytes, List<IntervalRecord> intervals) {
    double sum = 0;
    double peak = 0;
    long peakHeap = 0;
    for (IntervalRecord interval : intervals) {
      sum += interval.cpuShare();
      peak = Math.max(peak, interval.cpuShare());
      peakHeap = Math.max(peakHeap, interval.heapBytes());
    }
    double mean = intervals.isEmpty() ? 0 : sum / intervals.size();
    return new GeneratorUsage(cores, maxHeapBytes, mean, peak, peakHeap);
  }
}
