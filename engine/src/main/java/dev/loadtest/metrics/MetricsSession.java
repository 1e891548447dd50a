package dev.loadtest.metrics;

import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.run.ProgressReport;
import dev.loadtest.run.RunListener;
import dev.loadtest.run.Version;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.MonitorReadings;
import dev.loadtest.stats.ProcessCpuMeter;
import dev.loadtest.stats.ThresholdResult;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live metrics of one run: a Micrometer Prometheus registry holding the run's series, the
 * optional {@code /metrics} server, Pushgateway pushes, target monitors and the generator
 * self-check. Its {@link #listener()} wraps the console's listener. Created and closed by the
 * CLI's thread; the listener runs on the engine's sampler thread; scrapes run on the server's.
 */
public final class MetricsSession implements AutoCloseable {

  private final MetricsPlan plan;
  private final String runId;
  private final RunListener downstream;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final GeneratorGauges generator = new GeneratorGauges();
  private final ProcessCpuMeter cpu = ProcessCpuMeter.ofThisProcess();
  private final GeneratorSelfCheck selfCheck = new GeneratorSelfCheck(
      GeneratorSelfCheck.DEFAULT_LIMIT, GeneratorSelfCheck.DEFAULT_SUSTAINED);
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final LiveMetrics live;
  private final TargetMonitors monitors;
  private final ThresholdTracker thresholds;
  private final OpenModelCounts.Source openModel;
  private final Pusher pusher;
  private MetricsServer server;

  private MetricsSession(TestPlan test, MetricsPlan plan, String runId, RunListener downstream,
      OpenModelCounts.Source openModel) {
    this.plan = plan;
    this.runId = runId;
    this.downstream = downstream;
    this.openModel = openModel;
    this.live = new LiveMetrics(commonLabels(plan, runId),
        Labels.of("spec", test.name(), "version", Version.current()), RequestLabels.of(test),
        test.customMetrics());
    this.monitors = new TargetMonitors(plan.monitors(), live);
    this.thresholds = new ThresholdTracker(test.thresholds(), test.requestNames(), monitors,
        test.customMetrics());
    this.pusher = plan.push() instanceof MetricsPlan.Push.Gateway gateway
        ? new Pusher(new PushgatewayClient(gateway.url(), gateway.job(), runId,
            plan.labels().getOrDefault(MetricNames.WORKER_LABEL, "")),
            gateway.interval(), registry::scrape) : null;
    registry.getPrometheusRegistry().register(live);
    registry.config().commonTags(commonTags(plan, runId));
    generator.bindTo(registry);
  }

  /**
   * Sets up the session and, when the plan says so, starts the {@code /metrics} server.
   *
   * @param runId the run_id label of every series
   * @param downstream the listener that hears everything first, e.g. the console
   * @param openModel reads arrivals, drops and lag from intervals when the load model has them
   * @throws IOException when the server's address cannot be bound
   */
  public static MetricsSession start(TestPlan test, MetricsPlan plan, String runId,
      RunListener downstream, OpenModelCounts.Source openModel) throws IOException {
    MetricsSession session = new MetricsSession(test, plan, runId, downstream, openModel);
    if (plan.server() instanceof MetricsPlan.Server.Serve serve) {
      session.server = MetricsServer.start(serve.host(), serve.port(), session.registry);
    }
    return session;
  }

  private static Labels commonLabels(MetricsPlan plan, String runId) {
    List<String> names = new ArrayList<>(List.of(MetricNames.RUN_ID_LABEL));
    List<String> values = new ArrayList<>(List.of(runId));
    plan.labels().forEach((name, value) -> {
      names.add(name);
      values.add(value);
    });
    return Labels.of(names, values);
  }

  private static List<Tag> commonTags(MetricsPlan plan, String runId) {
    List<Tag> tags = new ArrayList<>(List.of(Tag.of(MetricNames.RUN_ID_LABEL, runId)));
    plan.labels().forEach((name, value) -> tags.add(Tag.of(name, value)));
    return tags;
  }

  /** The listener to hand the engine: hears every event after {@code downstream}. */
  public RunListener listener() {
    return new Listener();
  }

  /** Where {@code /metrics} is served, when it is. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(server).map(MetricsServer::uri);
  }

  public String runId() {
    return runId;
  }

  /** What the target monitors recorded, for thresholds judged at the end. */
  public MonitorReadings monitorReadings() {
    return monitors;
  }

  /** Every target-monitor series with its points, for reports. */
  public List<MonitorSeries> monitorSeries() {
    return monitors.series();
  }

  /** Warnings this session gave (self-check, monitors, pushes), for reports. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** True when the generator's CPU stayed above the self-check limit at some point. */
  public boolean generatorSaturated() {
    return selfCheck.warned();
  }

  /** The page {@code /metrics} serves now. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Ends the run's measurements: a last monitor scrape and a last, synchronous push, so that
   * short runs reach the Pushgateway too. Call after the engine returned.
   *
   * @return warnings to show the user (an unreachable gateway)
   */
  public List<String> finish() throws InterruptedException {
    monitors.close();
    monitors.scrapeAll();
    if (pusher == null) {
      return List.of();
    }
    Optional<String> failure = pusher.pushNow();
    failure.ifPresent(warnings::add);
    return failure.map(List::of).orElse(List.of());
  }

  @Override
  public void close() {
    monitors.close();
    if (pusher != null) {
      pusher.close();
    }
    if (server != null) {
      server.close();
    }
    registry.close();
  }

  private void warn(String message) {
    warnings.add(message);
    downstream.onWarning(message);
  }

  /** A listener that saves results judges saturation over the whole run itself. */
  private void warnSaturated(String message) {
    warnings.add(message);
    downstream.onGeneratorSaturated(message);
  }

  /** Runs on the engine's sampler thread; every step is bounded and non-blocking. */
  private final class Listener implements RunListener {

    @Override
    public void onLoadStart(java.time.Instant startedAt) {
      downstream.onLoadStart(startedAt);
      cpu.restart();
      monitors.start(System.nanoTime());
    }

    @Override
    public void onProgress(ProgressReport report) {
      downstream.onProgress(report);
    }

    @Override
    public void onWarning(String message) {
      downstream.onWarning(message);
    }

    @Override
    public void onInterval(Interval interval) {
      downstream.onInterval(interval);
      live.recordInterval(interval, openModel.read(interval));
      List<ThresholdResult> states = thresholds.observe(interval);
      live.recordThresholds(states);
      selfCheck.observe(interval.startNanos(), interval.endNanos(),
          cpu.shareSinceLastReading()).ifPresent(MetricsSession.this::warnSaturated);
      live.recordSaturation(selfCheck.saturated());
      monitors.drainWarnings().forEach(MetricsSession.this::warn);
      if (pusher != null) {
        pusher.maybePush(interval.endNanos()).ifPresent(MetricsSession.this::warn);
      }
    }
  }

  @Override
  public String toString() {
    return "MetricsSession[run_id=" + runId + ", " + plan.describe() + ", " + live + "]";
  }
}
