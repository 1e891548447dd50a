package dev.loadtest.plan;

import java.util.Locale;

/** A metric a threshold can judge. */
public sealed interface ThresholdMetric {

  /** The name written in specs, e.g. {@code latency.p95}. */
  String name();

  /** The unit limits and observed values are in. */
  String unit();

  default String format(double value) {
    return String.format(Locale.ROOT, "%.2f %s", value, unit()).replace(" %", "%");
  }

  /** Which statistic of the latency distribution. */
  enum LatencyStatistic { MEAN, MIN, MAX, PERCENTILE }

  /** A statistic of response time, in milliseconds. */
  record Latency(String name, LatencyStatistic statistic, double percentile)
      implements ThresholdMetric {
    @Override
    public String unit() {
      return "ms";
    }
  }

  /** Failed requests as a share of all requests, in percent. */
  record ErrorRate() implements ThresholdMetric {
    @Override
    public String name() {
      return "errorRate";
    }

    @Override
    public String unit() {
      return "%";
    }

    @Override
    public String format(double value) {
      return String.format(Locale.ROOT, "%.3f%%", value * 100);
    }
  }

  /** Requests completed per second over the run. */
  record RequestRate() implements ThresholdMetric {
    @Override
    public String name() {
      return "rps";
    }

    @Override
    public String unit() {
      return "req/s";
    }
  }

  /**
   * A series recorded by a target monitor, in the series' own unit. Judged on its worst value:
   * the lowest for {@code above}, the highest for {@code below}.
   *
   * @param series the series name given under {@code metrics.monitors[].series}
   */
  record Monitor(String series) implements ThresholdMetric {
    /** The prefix of monitor metrics in specs: {@code monitor.health_score}. */
    public static final String PREFIX = "monitor.";

    @Override
    public String name() {
      return PREFIX + series;
    }

    @Override
    public String unit() {
      return "";
    }

    @Override
    public String format(double value) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
  }
}
