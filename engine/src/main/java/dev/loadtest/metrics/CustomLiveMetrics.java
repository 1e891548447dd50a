package dev.loadtest.metrics;

import dev.loadtest.plan.CustomMetric;
import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.plan.CustomSeries;
import dev.loadtest.stats.CustomSeriesValues;
import dev.loadtest.stats.Interval;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom metrics of the live export: one counter or histogram family per metric a request
 * declares, under {@link MetricNames#custom}, and the missing-values counter. Histograms use the
 * metric's own bucket bounds, so several generators' buckets add up. Series are exported from
 * the start, at zero, so a dashboard sees them before the first value. Not thread-safe:
 * {@link LiveMetrics} calls it under its lock.
 */
final class CustomLiveMetrics {

  private final CustomMetrics declared;
  private final double[] sums;
  private final long[] counts;
  private final long[] missing;
  private final long[][] buckets;

  CustomLiveMetrics(CustomMetrics declared) {
    this.declared = declared;
    int series = declared.series().size();
    sums = new double[series];
    counts = new long[series];
    missing = new long[series];
    buckets = new long[series][];
    for (CustomSeries one : declared.series()) {
      buckets[one.key()] = new long[one.metric().isHistogram()
          ? one.metric().buckets().size() + 1 : 0];
    }
  }

  void record(Interval interval) {
    for (CustomSeriesValues values : interval.custom()) {
      int key = values.series().key();
      if (key < 0 || key >= sums.length) {
        continue;
      }
      sums[key] += values.sum();
      counts[key] += values.count();
      missing[key] += values.missing();
      long[] into = buckets[key];
      for (int i = 0; i < into.length && i < values.bucketCounts().length; i++) {
        into[i] += values.bucketCounts()[i];
      }
    }
  }

  /** @param common the labels on every series: run_id and the spec's constant labels */
  List<MetricSnapshot> families(Labels common) {
    if (declared.isEmpty()) {
      return List.of();
    }
    List<MetricSnapshot> families = new ArrayList<>();
    for (CustomMetric metric : declared.metrics()) {
      families.add(metric.isHistogram() ? histogram(metric, common) : counter(metric, common));
    }
    CounterSnapshot.Builder absent = CounterSnapshot.builder()
        .name(MetricNames.CUSTOM_VALUES_MISSING)
        .help("Responses that lacked a custom metric's value (absent, not a number, negative).");
    for (CustomSeries one : declared.series()) {
      absent.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
          .labels(labels(one, common).add("metric", one.metric().name()))
          .value(missing[one.key()]).build());
    }
    families.add(absent.build());
    return families;
  }

  private MetricSnapshot counter(CustomMetric metric, Labels common) {
    CounterSnapshot.Builder counter = CounterSnapshot.builder()
        .name(MetricNames.custom(metric.name())).help(help(metric));
    for (CustomSeries one : declared.seriesOf(metric.name())) {
      counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
          .labels(labels(one, common)).value(sums[one.key()]).build());
    }
    return counter.build();
  }

  private MetricSnapshot histogram(CustomMetric metric, Labels common) {
    HistogramSnapshot.Builder histogram = HistogramSnapshot.builder()
        .name(MetricNames.custom(metric.name())).help(help(metric));
    double[] bounds = withInfinity(metric.bucketArray());
    for (CustomSeries one : declared.seriesOf(metric.name())) {
      histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
          .labels(labels(one, common))
          .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, buckets[one.key()]))
          .sum(sums[one.key()])
          .build());
    }
    return histogram.build();
  }

  private static Labels labels(CustomSeries one, Labels common) {
    return common.merge(Labels.of(new ArrayList<>(one.labels().keySet()),
        new ArrayList<>(one.labels().values())));
  }

  private static String help(CustomMetric metric) {
    String help = metric.help().isEmpty() ? "Custom metric " + metric.name() + "." : metric.help();
    return metric.unit().isEmpty() ? help : help + " Unit: " + metric.unit() + ".";
  }

  private static double[] withInfinity(double[] bounds) {
    double[] all = java.util.Arrays.copyOf(bounds, bounds.length + 1);
    all[bounds.length] = Double.POSITIVE_INFINITY;
    return all;
  }

  @Override
  public String toString() {
    return "CustomLiveMetrics[" + declared.series().size() + " series]";
  }
}
