package dev.loadtest.metrics;

import dev.loadtest.plan.CustomMetrics;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.OutcomeCounts;
import dev.loadtest.stats.ThresholdResult;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's live state as Prometheus metric families: fed once per interval by the sampler
 * thread, read by scrapes and pushes. All methods synchronise on this object; each holds the
 * lock for a few microseconds per request name.
 */
final class LiveMetrics implements MultiCollector {

  private final Labels common;
  private final Labels runInfo;
  private final RequestLabels requests;
  private final CumulativeHistogram[] latencies;
  private final long[] failures;
  private final LlmLiveMetrics llm = new LlmLiveMetrics();
  private final CustomLiveMetrics custom;
  private final Map<String, Boolean> thresholds = new LinkedHashMap<>();
  private final Map<Labels, Double> monitorValues = new LinkedHashMap<>();
  private final Map<String, Long> monitorFailures = new LinkedHashMap<>();
  private OutcomeCounts outcomes = OutcomeCounts.EMPTY;
  private Optional<OpenModelCounts> openModel = Optional.empty();
  private int activeUsers;
  private boolean saturated;

  /**
   * @param common labels on every series: run_id and the spec's constant labels
   * @param runInfo labels of the run-info series: the spec's name, loadtest's version
   * @param declared the custom metrics requests record into
   */
  LiveMetrics(Labels common, Labels runInfo, RequestLabels requests, CustomMetrics declared) {
    this.common = common;
    this.custom = new CustomLiveMetrics(declared);
    this.runInfo = common.merge(runInfo);
    this.requests = requests;
    this.latencies = new CumulativeHistogram[requests.size()];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = new CumulativeHistogram();
    }
    this.failures = new long[requests.size()];
  }

  synchronized void recordInterval(Interval interval, Optional<OpenModelCounts> open) {
    for (int key = 0; key < interval.requests().size() && key < latencies.length; key++) {
      Interval.RequestInterval request = interval.requests().get(key);
      latencies[key].add(request.latencies());
      failures[key] += request.failures();
    }
    llm.record(interval);
    custom.record(interval);
    outcomes = interval.outcomes();
    activeUsers = interval.point().activeUsers();
    openModel = open;
  }

  synchronized void recordThresholds(List<ThresholdResult> results) {
    results.forEach(result -> thresholds.put(result.threshold().name(), result.passed()));
  }

  synchronized void recordSaturation(boolean nowSaturated) {
    saturated = nowSaturated;
  }

  synchronized void recordMonitorValue(String monitor, String series, double value) {
    monitorValues.put(Labels.of("monitor", monitor, "series", series), value);
  }

  synchronized void recordMonitorFailure(String monitor) {
    monitorFailures.merge(monitor, 1L, Long::sum);
  }

  @Override
  public synchronized MetricSnapshots collect() {
    List<MetricSnapshot> families = new ArrayList<>();
    families.add(InfoSnapshot.builder().name(infoName()).help("Labels describe the run.")
        .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(runInfo).build())
        .build());
    families.add(requestCounter());
    families.add(failureCounter());
    families.add(responseCounter());
    families.add(latencyHistogram());
    families.add(gauge(MetricNames.ACTIVE_USERS, "Virtual users active.",
        Map.of(Labels.EMPTY, (double) activeUsers)));
    families.add(gauge(MetricNames.GENERATOR_SATURATED,
        "1 while the generator's CPU stays above the self-check limit.",
        Map.of(Labels.EMPTY, saturated ? 1.0 : 0.0)));
    families.addAll(thresholdGauge());
    families.addAll(monitorFamilies());
    openModel.ifPresent(open -> families.addAll(openModelFamilies(open)));
    families.addAll(llm.families(name -> requestLabels(requests.requests().indexOf(name))));
    families.addAll(custom.families(common));
    return new MetricSnapshots(families);
  }

  /** The client library adds the {@code _info} suffix of info metrics itself. */
  private static String infoName() {
    return MetricNames.RUN_INFO.substring(0, MetricNames.RUN_INFO.length() - "_info".length());
  }

  private Labels requestLabels(int key) {
    return common.merge(Labels.of("scenario", requests.scenarios().get(key),
        "request", requests.requests().get(key)));
  }

  private MetricSnapshot requestCounter() {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(MetricNames.REQUESTS)
        .help("Requests completed (successful or not).");
    for (int key = 0; key < latencies.length; key++) {
      counter.dataPoint(counterPoint(requestLabels(key), latencies[key].count()));
    }
    return counter.build();
  }

  private MetricSnapshot failureCounter() {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(MetricNames.FAILURES)
        .help("Failed requests, by failure kind.");
    for (int key = 0; key < outcomes.requestNames() && key < latencies.length; key++) {
      for (FailureKind kind : FailureKind.values()) {
        counter.dataPoint(counterPoint(requestLabels(key).add("kind", kind.label()),
            outcomes.failures(key, kind)));
      }
    }
    return counter.build();
  }

  private MetricSnapshot responseCounter() {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(MetricNames.RESPONSES)
        .help("Responses received, by HTTP status class.");
    for (int key = 0; key < outcomes.requestNames() && key < latencies.length; key++) {
      for (int statusClass = 0; statusClass < OutcomeCounts.statusClasses(); statusClass++) {
        long count = outcomes.responses(key, statusClass);
        if (count > 0) {
          counter.dataPoint(counterPoint(requestLabels(key)
              .add("status", OutcomeCounts.statusLabel(statusClass)), count));
        }
      }
    }
    return counter.build();
  }

  private MetricSnapshot latencyHistogram() {
    HistogramSnapshot.Builder histogram = HistogramSnapshot.builder()
        .name(MetricNames.REQUEST_DURATION).help("Request latency in seconds.");
    double[] bounds = withInfinity(LatencyBuckets.upperBoundsSeconds());
    for (int key = 0; key < latencies.length; key++) {
      histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
          .labels(requestLabels(key))
          .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds,
              latencies[key].bucketCounts()))
          .sum(latencies[key].sumSeconds())
          .build());
    }
    return histogram.build();
  }

  private static double[] withInfinity(double[] bounds) {
    double[] all = java.util.Arrays.copyOf(bounds, bounds.length + 1);
    all[bounds.length] = Double.POSITIVE_INFINITY;
    return all;
  }

  private List<MetricSnapshot> thresholdGauge() {
    if (thresholds.isEmpty()) {
      return List.of();
    }
    Map<Labels, Double> points = new LinkedHashMap<>();
    thresholds.forEach((name, passed) -> points.put(Labels.of("threshold", name),
        passed ? 1.0 : 0.0));
    return List.of(gauge(MetricNames.THRESHOLD_PASSED, "1 while a threshold passes, 0 if not.",
        points));
  }

  private List<MetricSnapshot> monitorFamilies() {
    List<MetricSnapshot> families = new ArrayList<>();
    if (!monitorValues.isEmpty()) {
      families.add(gauge(MetricNames.MONITOR_VALUE, "Last value of a target monitor's series.",
          monitorValues));
    }
    if (!monitorFailures.isEmpty()) {
      CounterSnapshot.Builder counter = CounterSnapshot.builder()
          .name(MetricNames.MONITOR_SCRAPE_FAILURES).help("Failed scrapes of a target monitor.");
      monitorFailures.forEach((monitor, count) ->
          counter.dataPoint(counterPoint(common.add("monitor", monitor), count)));
      families.add(counter.build());
    }
    return families;
  }

  private List<MetricSnapshot> openModelFamilies(OpenModelCounts open) {
    return List.of(
        CounterSnapshot.builder().name(MetricNames.ARRIVALS)
            .help("Arrivals the open load model scheduled.")
            .dataPoint(counterPoint(common, open.arrivals())).build(),
        CounterSnapshot.builder().name(MetricNames.DROPPED_ARRIVALS)
            .help("Arrivals dropped because they could not start in time.")
            .dataPoint(counterPoint(common, open.dropped())).build(),
        gauge(MetricNames.GENERATOR_LAG, "How late requests started, seconds.",
            Map.of(Labels.EMPTY, open.lagSeconds())));
  }

  private static CounterSnapshot.CounterDataPointSnapshot counterPoint(Labels labels, long v) {
    return CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(v).build();
  }

  private MetricSnapshot gauge(String name, String help, Map<Labels, Double> points) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    points.forEach((labels, value) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot
        .builder().labels(common.merge(labels)).value(value).build()));
    return gauge.build();
  }

  @Override
  public synchronized String toString() {
    return "LiveMetrics[" + latencies.length + " request names, " + thresholds.size()
        + " thresholds, " + monitorValues.size() + " monitor series]";
  }
}
