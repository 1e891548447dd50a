package dev.loadtest.report;

import dev.loadtest.run.RunListener;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.LatencyHistograms;
import dev.loadtest.stats.LlmHistograms;
import dev.loadtest.stats.LlmSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import dev.loadtest.stats.ProcessCpuMeter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Saves every interval of a run as it closes: the histograms of each request name into the
 * HdrHistogram interval log, the rest (failures, users, generator load) in memory for
 * {@code results.json}. Memory grows with intervals, never with requests.
 *
 * <p>Called by the engine's sampler, one interval at a time; {@link #intervals()} and
 * {@link #close()} are for the thread that ends the run, after the last interval.
 */
public final class ResultsRecorder implements RunListener, AutoCloseable {

  private final Path logFile;
  private final Consumer<String> warnings;
  private final List<IntervalRecord> intervals = new ArrayList<>();
  private final java.util.Set<String> runWarnings = new java.util.LinkedHashSet<>();
  private final ProcessCpuMeter cpu = ProcessCpuMeter.ofThisProcess();
  private long baseMillis = -1;
  private long lateStartMillis;
  private PrintStream log;
  private HistogramLogWriter writer;
  private boolean failed;

  /**
   * @param directory the output directory; the log is {@link ResultFiles#LATENCY_LOG} in it
   * @param warnings told once if the log cannot be written, e.g. when the disk is full
   */
  public ResultsRecorder(Path directory, Consumer<String> warnings) {
    this.logFile = directory.resolve(ResultFiles.LATENCY_LOG);
    this.warnings = warnings;
  }

  @Override
  public synchronized void onLoadStart(java.time.Instant startedAt) {
    // The log counts from the schedule's start, even when this worker reached it late.
    lateStartMillis = Math.max(0, System.currentTimeMillis() - startedAt.toEpochMilli());
    cpu.restart();
    start(startedAt.toEpochMilli());
  }

  /** Keeps each warning once, in order, for {@code results.json}. */
  @Override
  public synchronized void onWarning(String message) {
    runWarnings.add(message);
  }

  /**
   * Ignored: the live check warns at the sustained time, while the saved results judge the
   * whole run from these intervals' CPU readings ({@link RunWarnings#of}).
   */
  @Override
  public void onGeneratorSaturated(String message) {}

  /** Opens the log with its header; {@code epochMillis} is the load's start. */
  synchronized void start(long epochMillis) {
    baseMillis = epochMillis;
    try {
      OutputStream file = new BufferedOutputStream(Files.newOutputStream(logFile));
      log = new PrintStream(file, false, StandardCharsets.UTF_8);
      writer = new HistogramLogWriter(log);
      writer.outputComment("loadtest latency log: one histogram per request name (tag) and"
          + " interval, in nanoseconds");
      writer.outputLogFormatVersion();
      writer.outputStartTime(epochMillis);
      writer.outputBaseTime(epochMillis);
      writer.setBaseTime(epochMillis);
      writer.outputLegend();
      checkWritten();
    } catch (IOException e) {
      fail(e.getMessage());
    }
  }

  @Override
  public synchronized void onInterval(Interval interval) {
    if (baseMillis < 0) {
      start(System.currentTimeMillis());
    }
    Map<String, Long> failures = new HashMap<>();
    for (Interval.RequestInterval request : interval.requests()) {
      if (request.failures() > 0) {
        failures.put(request.name(), request.failures());
      }
      write(interval, request.name(), request.latencies());
    }
    writeLlm(interval);
    intervals.add(new IntervalRecord(interval.startNanos(), interval.endNanos(),
        interval.point().activeUsers(), failures, cpu.shareSinceLastReading(), heapBytes()));
    // Flush per interval so that a crash or a full disk loses at most the current second.
    checkWritten();
  }

  /** Every name's TTFTs and output-token counts of the interval, under the LLM tags. */
  private void writeLlm(Interval interval) {
    if (interval.llm().isEmpty()) {
      return;
    }
    Histogram ttft = LatencyHistograms.newHistogram();
    Histogram tokens = LlmHistograms.newCountHistogram();
    for (LlmSummary summary : interval.llm()) {
      ttft.add(summary.ttft());
      tokens.add(summary.outputTokens());
    }
    writeTagged(interval, LlmTimeline.TTFT_TAG, ttft);
    writeTagged(interval, LlmTimeline.TOKENS_TAG, tokens);
  }

  private void write(Interval interval, String name, Histogram latencies) {
    writeTagged(interval, LogTags.encode(name), latencies);
  }

  private void writeTagged(Interval interval, String tag, Histogram latencies) {
    if (writer == null || latencies.getTotalCount() == 0) {
      return;
    }
    latencies.setTag(tag);
    latencies.setStartTimeStamp(baseMillis + interval.startNanos() / 1_000_000);
    latencies.setEndTimeStamp(baseMillis + interval.endNanos() / 1_000_000);
    writer.outputIntervalHistogram(latencies);
  }

  private void checkWritten() {
    if (log != null) {
      log.flush();
      if (log.checkError()) {
        fail("write error (is the disk full?)");
      }
    }
  }

  private void fail(String reason) {
    if (!failed) {
      failed = true;
      warnings.accept("cannot write " + logFile + ": " + reason + "; the interval log is"
          + " incomplete, summary.json and the console still hold the results");
    }
  }

  /** The intervals recorded so far, in order. */
  public synchronized List<IntervalRecord> intervals() {
    return List.copyOf(intervals);
  }

  /** The warnings the run gave, each once, in order; the self-check's excepted. */
  public synchronized List<String> warnings() {
    return List.copyOf(runWarnings);
  }

  /** The log's base time: the load's start, in epoch milliseconds; -1 before it. */
  public synchronized long baseMillis() {
    return baseMillis;
  }

  /** How long after the schedule's start the load actually started, in milliseconds. */
  public synchronized long lateStartMillis() {
    return lateStartMillis;
  }

  /** True when every interval reached the log. */
  public synchronized boolean complete() {
    return !failed && baseMillis >= 0;
  }

  @Override
  public synchronized void close() {
    if (log != null) {
      log.close();
      if (log.checkError()) {
        fail("write error on close");
      }
      log = null;
      writer = null;
    }
  }

  private static long heapBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public synchronized String toString() {
    return "ResultsRecorder[" + logFile + ", " + intervals.size() + " intervals"
        + (failed ? ", FAILED" : "") + "]";
  }
}
