package dev.loadtest.cli;

import dev.loadtest.metrics.MetricsSession;
import dev.loadtest.metrics.OpenModelCounts;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.run.RunFailedException;
import dev.loadtest.run.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** How {@code run}'s options and the environment change the spec's metrics section. */
final class LiveMetricsOptions {

  /** The original framework's variable naming a Pushgateway, e.g. http://localhost:9091. */
  static final String GATEWAY_VARIABLE = "PROMETHEUS_GATEWAY";

  private LiveMetricsOptions() {}

  /**
   * Lays the options over the spec: {@code --metrics-port} serves on {@code --metrics-host},
   * else on the spec's host, else on loopback; {@code --run-id} fixes the id,
   * {@code PROMETHEUS_GATEWAY} adds a gateway when the spec has none; without any id a fresh
   * one is drawn.
   *
   * @param port {@code --metrics-port}, or null
   * @param host {@code --metrics-host}, or null; only given with a port
   */
  static MetricsPlan apply(MetricsPlan spec, Integer port, String host, String runId,
      Map<String, String> environment) {
    MetricsPlan plan = spec;
    if (port != null) {
      String specHost = spec.server() instanceof MetricsPlan.Server.Serve serve ? serve.host()
          : MetricsPlan.DEFAULT_HOST;
      plan = plan.withServer(new MetricsPlan.Server.Serve(host != null ? host : specHost,
          port));
    }
    String gateway = environment.getOrDefault(GATEWAY_VARIABLE, "");
    if (plan.push() instanceof MetricsPlan.Push.None && !gateway.isBlank()) {
      plan = plan.withPush(MetricsPlan.Push.Gateway.at(URI.create(gateway.strip())));
    }
    if (runId != null && !runId.isBlank()) {
      return plan.withRunId(runId);
    }
    return plan.runId().isEmpty() ? plan.withRunId(freshRunId()) : plan;
  }

  /** A time-ordered id that also differs between runs started in the same second. */
  static String freshRunId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  static MetricsSession start(TestPlan plan, MetricsPlan metrics, RunListener console)
      throws RunFailedException {
    try {
      // Closed models have no arrivals: their series would only ever read zero.
      return MetricsSession.start(plan, metrics, metrics.runId(), console,
          plan.hasOpenModel() ? OpenModelCounts.Source.fromIntervals()
              : OpenModelCounts.Source.NONE);
    } catch (IOException e) {
      throw new RunFailedException("cannot serve metrics (" + metrics.describe() + "): "
          + e.getMessage(), e);
    }
  }

  /** One banner line when anything is exported. */
  static void announce(MetricsSession session, MetricsPlan metrics, PrintWriter console) {
    session.endpoint().ifPresent(uri -> console.println("metrics: " + uri + " (run_id "
        + session.runId() + ")"));
    if (metrics.push() instanceof MetricsPlan.Push.Gateway gateway) {
      console.println("metrics: pushed to " + gateway.url() + " (run_id " + session.runId()
          + ")");
    }
    metrics.monitors().forEach(monitor -> console.println("monitor: " + monitor.name() + " <- "
        + monitor.url()));
    console.flush();
  }
}
