package dev.loadtest.plan;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The spec's {@code metrics} section compiled: where live metrics are served and pushed, which
 * constant labels they carry, and which target endpoints are scraped. Immutable. The CLI builds
 * it beside the {@link TestPlan} with {@link MetricsCompiler}.
 *
 * @param server whether and where {@code /metrics} is served
 * @param runId the run_id label the spec fixes, or empty to generate one per run
 * @param labels constant labels on every series
 * @param push whether and where metrics are pushed
 * @param monitors target endpoints to scrape during the run
 */
public record MetricsPlan(
    Server server,
    String runId,
    Map<String, String> labels,
    Push push,
    List<Monitor> monitors) {

  /** Address {@code /metrics} binds unless the spec says otherwise: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(10);
  static final Duration DEFAULT_MONITOR_INTERVAL = Duration.ofSeconds(5);
  static final String DEFAULT_JOB = "loadtest";

  /** A spec without a metrics section. */
  public static final MetricsPlan NONE =
      new MetricsPlan(new Server.None(), "", Map.of(), new Push.None(), List.of());

  public MetricsPlan {
    labels = Map.copyOf(labels);
    monitors = List.copyOf(monitors);
  }

  /** The same plan with another server, e.g. from {@code --metrics-port}. */
  public MetricsPlan withServer(Server other) {
    return new MetricsPlan(other, runId, labels, push, monitors);
  }

  /** The same plan with another push target, e.g. from {@code PROMETHEUS_GATEWAY}. */
  public MetricsPlan withPush(Push other) {
    return new MetricsPlan(server, runId, labels, other, monitors);
  }

  /** The same plan with a fixed run id, e.g. from {@code --run-id}. */
  public MetricsPlan withRunId(String other) {
    return new MetricsPlan(server, other, labels, push, monitors);
  }

  /** The same plan with one more constant label (a worker's number); it wins over the spec's. */
  public MetricsPlan withLabel(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(labels);
    more.put(name, value);
    return new MetricsPlan(server, runId, more, push, monitors);
  }

  /** Whether and where the {@code /metrics} endpoint is served. */
  public sealed interface Server {
    /** Not served. */
    record None() implements Server {}

    /** Served on {@code host:port}; port 0 picks a free one. */
    record Serve(String host, int port) implements Server {}
  }

  /** Whether and where metrics are pushed. */
  public sealed interface Push {
    /** Not pushed. */
    record None() implements Push {}

    /** Pushed to a Pushgateway every {@code interval} and once at the end, under {@code job}. */
    record Gateway(URI url, Duration interval, String job) implements Push {
      /** A gateway with the default interval and job, as {@code PROMETHEUS_GATEWAY} gives. */
      public static Gateway at(URI url) {
        return new Gateway(url, DEFAULT_PUSH_INTERVAL, DEFAULT_JOB);
      }
    }
  }

  /**
   * A Prometheus endpoint of the system under test.
   *
   * @param name the monitor's name, a label value
   * @param url the endpoint, e.g. {@code http://localhost:8000/metrics}
   * @param interval time between scrapes
   * @param series what to record from each scrape
   */
  public record Monitor(String name, URI url, Duration interval, List<Series> series) {
    public Monitor {
      series = List.copyOf(series);
    }
  }

  /**
   * One recorded series: the sum of the samples of {@code metric} whose labels match.
   *
   * @param name the name in reports and thresholds ({@code monitor.NAME})
   * @param metric the Prometheus metric name
   * @param labels label values a sample must have
   */
  public record Series(String name, String metric, Map<String, String> labels) {
    public Series {
      labels = Map.copyOf(labels);
    }
  }

  /** One line per part, for the run banner and {@code validate}. */
  public String describe() {
    StringBuilder text = new StringBuilder("metrics:");
    text.append(server instanceof Server.Serve serve
        ? " /metrics on " + serve.host() + ":" + serve.port() : " not served");
    if (push instanceof Push.Gateway gateway) {
      text.append(", pushed to ").append(gateway.url()).append(" every ")
          .append(gateway.interval().toSeconds()).append('s');
    }
    monitors.forEach(monitor -> text.append(", monitor ").append(monitor.name()).append(" <- ")
        .append(monitor.url()));
    return text.toString();
  }
}
