package dev.loadtest.report;

import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.LatencyHistograms;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Rebuilds a {@link SavedRun} from an output directory: {@code results.json} for counters and
 * metadata, the interval log for every latency. Adding the interval histograms gives the
 * cumulative ones exactly, so re-rendered reports match the run's own numbers. One pass over
 * the log; memory is a histogram per request name plus small per-interval arrays.
 *
 * <p>The log's histograms are read as {@link SparseCounts}, never as whole histograms: a
 * one-hour log of 50 request names holds 180,000 of them, and building, adding and scanning
 * each at the full one-hour range (33,792 positions) took most of a minute. Only the
 * cumulative histograms, one per name and one for all, are whole.
 * Not thread-safe: one reader per directory read.
 */
public final class SavedRunReader {

  private final ResultsDocument document;
  private final Map<String, Integer> nameIndex = new HashMap<>();
  private final TreeMap<Long, Integer> intervalByStartMillis = new TreeMap<>();
  private final Histogram[] cumulative;
  private final long[][] requests;
  private final double[][] p95Millis;
  private final MergedCounts intervalTotal = new MergedCounts();
  private final MergedCounts runningTotal = new MergedCounts();
  private final List<IntervalPoint> timeline = new ArrayList<>();
  private final List<HistoryRow> history = new ArrayList<>();
  private final Histogram intervalTtft = LatencyHistograms.newHistogram();
  private final double[] ttftP50Millis;
  private final double[] ttftP95Millis;
  private final double[] outputTokensPerSecond;
  private double intervalOutputTokens;
  private int current = -1;
  private long runningFailures;

  private SavedRunReader(ResultsDocument document) {
    this.document = document;
    List<String> names = document.requestNames();
    int intervals = document.intervals().size();
    cumulative = new Histogram[names.size()];
    requests = new long[names.size()][intervals];
    p95Millis = new double[names.size()][intervals];
    ttftP50Millis = new double[intervals];
    ttftP95Millis = new double[intervals];
    outputTokensPerSecond = new double[intervals];
    java.util.Arrays.fill(ttftP50Millis, Double.NaN);
    java.util.Arrays.fill(ttftP95Millis, Double.NaN);
    for (int i = 0; i < names.size(); i++) {
      nameIndex.put(names.get(i), i);
      cumulative[i] = LatencyHistograms.newHistogram();
      java.util.Arrays.fill(p95Millis[i], Double.NaN);
    }
    for (int i = 0; i < intervals; i++) {
      intervalByStartMillis.put(document.intervals().get(i).startNanos() / 1_000_000, i);
    }
  }

  /** Reads the saved run of {@code directory}; fails when a file is missing or damaged. */
  public static SavedRun read(Path directory) throws IOException {
    ResultsDocument document = ResultsJson.read(directory);
    Path log = directory.resolve(ResultFiles.LATENCY_LOG);
    if (!Files.isReadable(log)) {
      throw new IOException("missing " + log + ": the latencies of the run are in it");
    }
    SavedRun run = new SavedRunReader(document).replay(log);
    return new SavedRun(run.metadata(), run.methods(), run.thresholds(),
        run.stats().withLlm(LlmResults.read(directory))
            .withCustom(CustomMetricResults.read(directory)), run.series(), run.intervals(),
        MonitorResults.read(directory), run.llmTimeline());
  }

  private SavedRun replay(Path log) throws IOException {
    try (IntervalLogReader reader = new IntervalLogReader(log)) {
      IntervalLogReader.Entry next;
      while ((next = reader.next()) != null) {
        add(next);
      }
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + log + ": " + e.getMessage(), e);
    }
    advanceTo(document.intervals().size());
    return new SavedRun(document.metadata(), document.methods(), document.thresholds(),
        snapshot(), new TimeSeries(document.requestNames(), endSeconds(), requests, p95Millis,
        history), document.intervals(), List.of(),
        new LlmTimeline(ttftP50Millis, ttftP95Millis, outputTokensPerSecond));
  }

  private void add(IntervalLogReader.Entry entry) throws IOException {
    if (LlmTimeline.isLlmTag(entry.tag())) {
      addLlm(entry);
      return;
    }
    Integer name = nameIndex.get(LogTags.decode(entry.tag()));
    if (name == null) {
      throw new IOException("the interval log names request '" + entry.tag()
          + "', which results.json does not list");
    }
    int interval = intervalOf(entry.startMillis() - document.logBaseMillis());
    if (interval < current) {
      throw new IOException("the interval log is out of order at request '"
          + entry.tag() + "'");
    }
    advanceTo(interval);
    SparseCounts latencies = entry.counts();
    latencies.recordInto(cumulative[name]);
    intervalTotal.add(latencies);
    requests[name][interval] += latencies.totalCount();
    p95Millis[name][interval] = latencies.valueAtPercentile(95) / 1e6;
  }

  /** Streamed answers' TTFTs or output-token counts of one interval, all names together. */
  private void addLlm(IntervalLogReader.Entry entry) throws IOException {
    int interval = intervalOf(entry.startMillis() - document.logBaseMillis());
    if (interval < current) {
      throw new IOException("the interval log is out of order at '" + entry.tag() + "'");
    }
    advanceTo(interval);
    SparseCounts counts = entry.counts();
    if (LlmTimeline.TTFT_TAG.equals(entry.tag())) {
      counts.recordInto(intervalTtft);
    } else {
      // Token counts below 2,048 sit in buckets one wide, so the mean times the count is exact.
      intervalOutputTokens += counts.mean() * counts.totalCount();
    }
  }

  /** The interval whose start is nearest: log times are rounded to milliseconds. */
  private int intervalOf(long startMillis) throws IOException {
    Map.Entry<Long, Integer> below = intervalByStartMillis.floorEntry(startMillis);
    Map.Entry<Long, Integer> above = intervalByStartMillis.ceilingEntry(startMillis);
    if (below == null && above == null) {
      throw new IOException("the interval log has histograms but results.json no intervals");
    }
    if (below == null || (above != null
        && above.getKey() - startMillis < startMillis - below.getKey())) {
      return above.getValue();
    }
    return below.getValue();
  }

  /** Closes every interval before {@code interval}, empty ones included. */
  private void advanceTo(int interval) {
    while (current < interval) {
      if (current >= 0) {
        close(current);
      }
      current++;
      intervalTotal.clear();
    }
  }

  private void close(int index) {
    IntervalRecord record = document.intervals().get(index);
    if (intervalTtft.getTotalCount() > 0) {
      ttftP50Millis[index] = intervalTtft.getValueAtPercentile(50) / 1e6;
      ttftP95Millis[index] = intervalTtft.getValueAtPercentile(95) / 1e6;
      intervalTtft.reset();
    }
    outputTokensPerSecond[index] = intervalOutputTokens * 1e9 / record.lengthNanos();
    intervalOutputTokens = 0;
    long failures = record.failures().values().stream().mapToLong(Long::longValue).sum();
    SparseCounts total = intervalTotal.sum();
    timeline.add(point(record, failures, total));
    runningTotal.add(total);
    runningFailures += failures;
    history.add(historyRow(index, record));
  }

  /** The interval's point, computed as the engine's sampler computes it. */
  private static IntervalPoint point(IntervalRecord record, long failures,
      SparseCounts total) {
    long count = total.totalCount();
    return new IntervalPoint(record.endNanos() / 1_000_000, count, failures,
        count * 1e9 / record.lengthNanos(), millis(total, 50), millis(total, 95),
        millis(total, 99), record.activeUsers());
  }

  private static double millis(SparseCounts latencies, double percentile) {
    return latencies.totalCount() == 0 ? 0 : latencies.valueAtPercentile(percentile) / 1e6;
  }

  private HistoryRow historyRow(int index, IntervalRecord record) {
    int from = Math.max(0, timeline.size() - TimeSeries.RATE_WINDOW);
    List<IntervalPoint> window = timeline.subList(from, timeline.size());
    double seconds = (record.endNanos() - document.intervals().get(index - window.size() + 1)
        .startNanos()) / 1e9;
    long windowRequests = window.stream().mapToLong(IntervalPoint::requests).sum();
    long windowFailures = window.stream().mapToLong(IntervalPoint::failures).sum();
    // The figures RequestSummary gives, from the running sum's few thousand positions
    // rather than a histogram's 33,792: this runs once per interval.
    SparseCounts total = runningTotal.sum();
    List<Double> percentiles = LocustCsv.PERCENTILES.stream()
        .map(p -> millis(total, p * 100)).toList();
    long epochSeconds = (document.logBaseMillis() + record.endNanos() / 1_000_000) / 1000;
    return new HistoryRow(epochSeconds, record.activeUsers(), rate(windowRequests, seconds),
        rate(windowFailures, seconds), percentiles, total.totalCount(), runningFailures,
        total.mean() / 1e6, total.minValue() / 1e6, total.maxValue() / 1e6);
  }

  private static double rate(long count, double seconds) {
    return seconds <= 0 ? 0 : count / seconds;
  }

  private double[] endSeconds() {
    return document.intervals().stream().mapToDouble(i -> i.endNanos() / 1e9).toArray();
  }

  private StatsSnapshot snapshot() {
    List<RequestSummary> summaries = new ArrayList<>();
    Histogram all = LatencyHistograms.newHistogram();
    long allFailures = 0;
    List<String> names = document.requestNames();
    for (int i = 0; i < names.size(); i++) {
      long failures = failuresOf(names.get(i));
      summaries.add(new RequestSummary(names.get(i), cumulative[i], failures));
      all.add(cumulative[i]);
      allFailures += failures;
    }
    return new StatsSnapshot(Duration.ofNanos(document.elapsedNanos()), summaries,
        new RequestSummary("Aggregated", all, allFailures), document.failures(), timeline,
        document.clampedValues(), document.generatorLag(), document.dropped());
  }

  private long failuresOf(String name) {
    return document.intervals().stream()
        .mapToLong(interval -> interval.failures().getOrDefault(name, 0L)).sum();
  }
}
