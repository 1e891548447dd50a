package dev.loadtest.report;

import dev.loadtest.stats.LatencyHistograms;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The workers' intervals on one wall-clock timeline: merged interval {@code s} covers second
 * {@code s} after the earliest worker's start, and holds every worker interval that began in
 * it. Users and failures of those intervals add up; their histograms are added when the log
 * is written, one merged second at a time, so memory holds a histogram per request name.
 * Not thread-safe: one per merge.
 */
final class IntervalMerge {

  private final long baseMillis;
  /** Per input: the merged second of each of its intervals, by the interval's start. */
  private final List<TreeMap<Long, Integer>> secondByStartMillis;
  private final List<IntervalRecord> records;

  private IntervalMerge(long baseMillis, List<TreeMap<Long, Integer>> secondByStartMillis,
      List<IntervalRecord> records) {
    this.baseMillis = baseMillis;
    this.secondByStartMillis = secondByStartMillis;
    this.records = records;
  }

  // Limitation: without --start-at, merged seconds start at the earliest worker's start, and
  // each worker interval falls into the second it began in, so the merged per-second charts
  // may shift a worker's points by up to one second; totals and percentiles are exact.
  static IntervalMerge of(List<RunMerger.Input> inputs, long baseMillis) {
    List<TreeMap<Long, Integer>> seconds = new ArrayList<>();
    TreeMap<Integer, Second> bySecond = new TreeMap<>();
    long lastEndNanos = 0;
    for (int i = 0; i < inputs.size(); i++) {
      ResultsDocument document = inputs.get(i).document();
      long offsetMillis = document.logBaseMillis() - baseMillis;
      TreeMap<Long, Integer> own = new TreeMap<>();
      for (IntervalRecord interval : document.intervals()) {
        long startMillis = offsetMillis + interval.startNanos() / 1_000_000;
        int second = (int) (startMillis / RunMerger.MERGED_INTERVAL_MILLIS);
        own.put(baseMillis + startMillis, second);
        bySecond.computeIfAbsent(second, s -> new Second()).add(i, interval);
        lastEndNanos = Math.max(lastEndNanos, offsetMillis * 1_000_000 + interval.endNanos());
      }
      seconds.add(own);
    }
    return new IntervalMerge(baseMillis, seconds, records(bySecond, lastEndNanos));
  }

  private static List<IntervalRecord> records(TreeMap<Integer, Second> bySecond,
      long lastEndNanos) {
    int seconds = bySecond.isEmpty() ? 0 : bySecond.lastKey() + 1;
    List<IntervalRecord> merged = new ArrayList<>(seconds);
    long step = RunMerger.MERGED_INTERVAL_MILLIS * 1_000_000;
    for (int s = 0; s < seconds; s++) {
      long end = s == seconds - 1 ? Math.max(lastEndNanos, s * step + 1) : (s + 1) * step;
      merged.add(bySecond.getOrDefault(s, new Second()).record(s * step, end));
    }
    return merged;
  }

  /** The worker intervals that began in one merged second. */
  private static final class Second {
    private final Map<String, Long> failures = new TreeMap<>();
    /** Per input, the users at the end of its last interval in this second. */
    private final Map<Integer, Integer> usersByInput = new HashMap<>();
    private final Map<Integer, Long> heapByInput = new HashMap<>();
    private double cpuSum;
    private int cpuCount;

    void add(int input, IntervalRecord interval) {
      interval.failures().forEach((name, count) -> failures.merge(name, count, Long::sum));
      usersByInput.put(input, interval.activeUsers());
      heapByInput.put(input, interval.heapBytes());
      if (interval.cpuShare() >= 0) {
        cpuSum += interval.cpuShare();
        cpuCount++;
      }
    }

    /** Users and heaps add up across workers; CPU shares of separate machines are averaged. */
    IntervalRecord record(long startNanos, long endNanos) {
      return new IntervalRecord(startNanos, endNanos,
          usersByInput.values().stream().mapToInt(Integer::intValue).sum(), failures,
          cpuCount == 0 ? -1 : cpuSum / cpuCount,
          heapByInput.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  List<IntervalRecord> records() {
    return records;
  }

  /** Writes the merged log: per merged second, each request name's histograms added. */
  void writeLog(List<RunMerger.Input> inputs, Path log) throws IOException {
    List<Cursor> cursors = new ArrayList<>();
    try (PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(log)),
        false, StandardCharsets.UTF_8)) {
      for (int i = 0; i < inputs.size(); i++) {
        cursors.add(new Cursor(inputs.get(i).directory().resolve(ResultFiles.LATENCY_LOG),
            secondByStartMillis.get(i)));
      }
      HistogramLogWriter writer = header(out);
      Map<String, Histogram> sums = new TreeMap<>();
      for (int s = 0; s < records.size(); s++) {
        for (Cursor cursor : cursors) {
          cursor.addUpTo(s, sums);
        }
        write(writer, s, sums);
      }
      if (out.checkError()) {
        throw new IOException("cannot write " + log);
      }
    } finally {
      for (Cursor cursor : cursors) {
        cursor.close();
      }
    }
  }

  private HistogramLogWriter header(PrintStream out) {
    HistogramLogWriter writer = new HistogramLogWriter(out);
    writer.outputComment("loadtest latency log, merged from the workers of a segmented run:"
        + " one histogram per request name (tag) and second, in nanoseconds");
    writer.outputLogFormatVersion();
    writer.outputStartTime(baseMillis);
    writer.outputBaseTime(baseMillis);
    writer.setBaseTime(baseMillis);
    writer.outputLegend();
    return writer;
  }

  private void write(HistogramLogWriter writer, int second, Map<String, Histogram> sums) {
    for (Map.Entry<String, Histogram> entry : sums.entrySet()) {
      Histogram sum = entry.getValue();
      if (sum.getTotalCount() == 0) {
        continue;
      }
      sum.setTag(entry.getKey());
      sum.setStartTimeStamp(baseMillis + records.get(second).startNanos() / 1_000_000);
      sum.setEndTimeStamp(baseMillis + records.get(second).endNanos() / 1_000_000);
      writer.outputIntervalHistogram(sum);
      sum.reset();
    }
  }

  /** One worker's log, read ahead by one histogram. */
  private static final class Cursor {
    private final Path log;
    private final HistogramLogReader reader;
    private final TreeMap<Long, Integer> secondByStartMillis;
    private Histogram next;

    Cursor(Path log, TreeMap<Long, Integer> secondByStartMillis) throws IOException {
      if (!Files.isReadable(log)) {
        throw new IOException("missing " + log + ": the worker's latencies are in it");
      }
      this.log = log;
      this.reader = new HistogramLogReader(log.toFile());
      this.secondByStartMillis = secondByStartMillis;
      advance();
    }

    private void advance() throws IOException {
      try {
        EncodableHistogram read = reader.nextIntervalHistogram();
        next = (Histogram) read;
      } catch (RuntimeException e) {
        throw new IOException("cannot read " + log + ": " + e.getMessage(), e);
      }
    }

    /** Adds every histogram that began at or before merged second {@code second}. */
    void addUpTo(int second, Map<String, Histogram> sums) throws IOException {
      while (next != null && secondOf(next) <= second) {
        sums.computeIfAbsent(next.getTag(), tag -> LatencyHistograms.newHistogram()).add(next);
        advance();
      }
    }

    /** Log times are rounded to milliseconds: the nearest interval start is the one. */
    private int secondOf(Histogram histogram) throws IOException {
      long start = histogram.getStartTimeStamp();
      Map.Entry<Long, Integer> below = secondByStartMillis.floorEntry(start);
      Map.Entry<Long, Integer> above = secondByStartMillis.ceilingEntry(start);
      if (below == null && above == null) {
        throw new IOException(log + " has histograms but its results.json no intervals");
      }
      if (below == null || above != null && above.getKey() - start < start - below.getKey()) {
        return above.getValue();
      }
      return below.getValue();
    }

    void close() {
      reader.close();
    }

    @Override
    public String toString() {
      return "Cursor[" + log + ", next at " + (next == null ? "end" : next.getStartTimeStamp())
          + "]";
    }
  }

  @Override
  public String toString() {
    return "IntervalMerge[base " + baseMillis + ", " + records.size() + " seconds, "
        + secondByStartMillis.size() + " workers' folders]";
  }
}
