package dev.loadtest.metrics;

import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.stats.MonitorReadings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes the target's Prometheus endpoints during the run on a thread of its own and records
 * the chosen series. Thread-safe: the scraping thread records, the sampler and the final report
 * read. A failing endpoint is warned about once per monitor and counted, never fatal.
 */
final class TargetMonitors implements MonitorReadings, AutoCloseable {

  static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

  private final List<MetricsPlan.Monitor> monitors;
  private final LiveMetrics live;
  private final Map<String, List<MonitorSeries.Point>> points = new LinkedHashMap<>();
  private final Queue<String> warnings = new ConcurrentLinkedQueue<>();
  private final java.util.Set<String> warnedMonitors = java.util.concurrent.ConcurrentHashMap
      .newKeySet();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT)
      .build();
  private ScheduledExecutorService scraper;
  private long loadStartNanos;

  TargetMonitors(List<MetricsPlan.Monitor> monitors, LiveMetrics live) {
    this.monitors = List.copyOf(monitors);
    this.live = live;
    monitors.forEach(monitor -> monitor.series().forEach(series ->
        points.put(series.name(), new ArrayList<>())));
  }

  /** Starts scraping; elapsed times count from {@code loadStartNanos} ({@link System#nanoTime}). */
  synchronized void start(long loadStartNanos) {
    if (monitors.isEmpty() || scraper != null) {
      return;
    }
    this.loadStartNanos = loadStartNanos;
    scraper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "loadtest-monitors");
      thread.setDaemon(true);
      return thread;
    });
    for (MetricsPlan.Monitor monitor : monitors) {
      scraper.scheduleAtFixedRate(() -> scrape(monitor), 0, monitor.interval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Scrapes every monitor once, now, on the calling thread: a last reading at the end. */
  void scrapeAll() {
    monitors.forEach(this::scrape);
  }

  private void scrape(MetricsPlan.Monitor monitor) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(monitor.url())
          .timeout(SCRAPE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      record(monitor, new PrometheusTextParser().parse(response.body()));
    } catch (IOException | RuntimeException e) {
      failed(monitor, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(MetricsPlan.Monitor monitor, List<PrometheusTextParser.Sample> samples) {
    long elapsedMillis = (System.nanoTime() - loadStartNanos) / 1_000_000;
    for (MetricsPlan.Series series : monitor.series()) {
      double sum = 0;
      boolean found = false;
      for (PrometheusTextParser.Sample sample : samples) {
        if (matches(series, sample)) {
          sum += sample.value();
          found = true;
        }
      }
      if (found) {
        synchronized (this) {
          points.get(series.name()).add(new MonitorSeries.Point(elapsedMillis, sum));
        }
        live.recordMonitorValue(monitor.name(), series.name(), sum);
      }
    }
  }

  private static boolean matches(MetricsPlan.Series series, PrometheusTextParser.Sample sample) {
    return sample.name().equals(series.metric()) && series.labels().entrySet().stream()
        .allMatch(label -> label.getValue().equals(sample.labels().get(label.getKey())));
  }

  private void failed(MetricsPlan.Monitor monitor, String why) {
    live.recordMonitorFailure(monitor.name());
    if (warnedMonitors.add(monitor.name())) {
      warnings.add("target monitor " + monitor.name() + " could not scrape " + monitor.url()
          + ": " + why + " (counted in " + MetricNames.MONITOR_SCRAPE_FAILURES
          + "_total; said once)");
    }
  }

  /** Warnings since the last call, for the sampler thread to hand to the console. */
  List<String> drainWarnings() {
    List<String> drained = new ArrayList<>();
    for (String warning = warnings.poll(); warning != null; warning = warnings.poll()) {
      drained.add(warning);
    }
    return drained;
  }

  @Override
  public synchronized double[] values(String series) {
    List<MonitorSeries.Point> recorded = points.getOrDefault(series, List.of());
    return recorded.stream().mapToDouble(MonitorSeries.Point::value).toArray();
  }

  /** Every series with what it recorded so far, in spec order. */
  synchronized List<MonitorSeries> series() {
    List<MonitorSeries> all = new ArrayList<>();
    for (MetricsPlan.Monitor monitor : monitors) {
      for (MetricsPlan.Series series : monitor.series()) {
        all.add(new MonitorSeries(monitor.name(), series.name(), series.metric(),
            series.labels(), points.get(series.name())));
      }
    }
    return all;
  }

  @Override
  public synchronized void close() {
    if (scraper != null) {
      scraper.shutdownNow();
    }
  }

  @Override
  public synchronized String toString() {
    return "TargetMonitors[" + monitors.size() + " monitors, " + points.size() + " series]";
  }
}
