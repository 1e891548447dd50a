package dev.loadtest.metrics;

import dev.loadtest.stats.Interval;
import dev.loadtest.stats.LlmSummary;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The LLM series of the live metrics, under the names {@link MetricNames} reserved: TTFT and
 * inter-token histograms, token and cost counters, per request name that had LLM answers.
 * Absent until the first answer. Not thread-safe: {@link LiveMetrics} calls it under its lock.
 */
final class LlmLiveMetrics {

  private final Map<String, Series> byRequest = new LinkedHashMap<>();

  /** What one request name has accumulated. */
  private static final class Series {
    final CumulativeHistogram ttft = new CumulativeHistogram();
    final CumulativeHistogram interToken = new CumulativeHistogram();
    long inputTokens;
    long outputTokens;
    long costPicoUsd;
  }

  void record(Interval interval) {
    for (LlmSummary summary : interval.llm()) {
      Series series = byRequest.computeIfAbsent(summary.name(), name -> new Series());
      series.ttft.add(summary.ttft());
      series.interToken.add(summary.interToken());
      series.inputTokens += summary.totals().inputTokens();
      series.outputTokens += summary.totals().outputTokens();
      series.costPicoUsd += summary.totals().costPicoUsd();
    }
  }

  /** @param labels the labels of a request name (scenario, request and the common ones) */
  List<MetricSnapshot> families(Function<String, Labels> labels) {
    if (byRequest.isEmpty()) {
      return List.of();
    }
    List<MetricSnapshot> families = new ArrayList<>();
    families.add(histogram(MetricNames.TIME_TO_FIRST_TOKEN,
        "Time to the first content chunk of LLM answers, seconds.", labels, s -> s.ttft));
    families.add(histogram(MetricNames.INTER_TOKEN_LATENCY,
        "Gaps between content chunks of streamed LLM answers, seconds.", labels,
        s -> s.interToken));
    CounterSnapshot.Builder tokens = CounterSnapshot.builder().name(MetricNames.TOKENS)
        .help("Tokens of LLM answers, by direction (input: prompt, output: generated).");
    CounterSnapshot.Builder cost = CounterSnapshot.builder().name(MetricNames.COST)
        .help("Estimated cost of LLM answers, US dollars.");
    byRequest.forEach((name, series) -> {
      tokens.dataPoint(point(labels.apply(name).add("direction", "input"), series.inputTokens));
      tokens.dataPoint(point(labels.apply(name).add("direction", "output"),
          series.outputTokens));
      cost.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
          .labels(labels.apply(name)).value(series.costPicoUsd / 1e12).build());
    });
    families.add(tokens.build());
    families.add(cost.build());
    return families;
  }

  private HistogramSnapshot histogram(String name, String help,
      Function<String, Labels> labels, Function<Series, CumulativeHistogram> pick) {
    double[] bounds = LatencyBuckets.upperBoundsSeconds();
    double[] all = java.util.Arrays.copyOf(bounds, bounds.length + 1);
    all[bounds.length] = Double.POSITIVE_INFINITY;
    HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(name).help(help);
    byRequest.forEach((request, series) -> histogram.dataPoint(
        HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels.apply(request))
            .classicHistogramBuckets(ClassicHistogramBuckets.of(all,
                pick.apply(series).bucketCounts()))
            .sum(pick.apply(series).sumSeconds()).build()));
    return histogram.build();
  }

  private static CounterSnapshot.CounterDataPointSnapshot point(Labels labels, long value) {
    return CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  @Override
  public String toString() {
    return "LlmLiveMetrics[" + byRequest.keySet() + "]";
  }
}
