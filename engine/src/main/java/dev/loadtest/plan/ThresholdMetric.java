package dev.loadtest.plan;

import java.util.Locale;

/** A metric a threshold can judge. */
public sealed interface ThresholdMetric {

  /** The name written in specs, e.g. {@code latency.p95}. */
  String name();

  /** The unit limits and observed values are in. */
  String unit();

  /**
   * The metric a spec names, as the plan compiler builds it: for reading saved runs back.
   *
   * @throws IllegalArgumentException if no metric has this name
   */
  /** The metric a spec's {@code metric:} names; one parser for specs and saved results. */
  static ThresholdMetric named(String name) {
    return ThresholdCompiler.metric(name);
  }

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

  /** The LLM distributions a threshold can judge, each recorded per request. */
  enum LlmDistribution {
    /** Time to first token, in milliseconds. */
    TTFT("ttft", "ms"),
    /** Inter-token latency: gaps between content chunks, in milliseconds. */
    ITL("itl", "ms"),
    /** Time per output token after the first, in milliseconds. */
    TPOT("tpot", "ms"),
    /** Output tokens per second of end-to-end latency, per request. */
    TOKENS_PER_SECOND("tokensPerSecond", "tokens/s");

    private final String prefix;
    private final String unit;

    LlmDistribution(String prefix, String unit) {
      this.prefix = prefix;
      this.unit = unit;
    }

    /** The name's part before the statistic, e.g. {@code ttft}. */
    public String prefix() {
      return prefix;
    }

    public String unit() {
      return unit;
    }

    /** True for times (limits written with a unit, like 500ms). */
    public boolean isTime() {
      return unit.equals("ms");
    }
  }

  /**
   * A statistic of an LLM distribution, e.g. {@code ttft.p95} or {@code tokensPerSecond.p50}.
   * Only requests measured as LLM answers contribute.
   */
  record Llm(String name, LlmDistribution distribution, LatencyStatistic statistic,
      double percentile) implements ThresholdMetric {
    @Override
    public String unit() {
      return distribution.unit();
    }
  }

  /** Estimated cost in US dollars: per LLM request (the mean) or of the whole run. */
  record Cost(boolean perRequest) implements ThresholdMetric {
    @Override
    public String name() {
      return perRequest ? "costPerRequest" : "totalCost";
    }

    @Override
    public String unit() {
      return "USD";
    }

    @Override
    public String format(double value) {
      return String.format(Locale.ROOT, "$%.6f", value);
    }
  }

  /** LLM requests per second that succeeded and met every objective of {@code scores.goodput}. */
  record Goodput() implements ThresholdMetric {
    @Override
    public String name() {
      return "goodput";
    }

    @Override
    public String unit() {
      return "req/s";
    }
  }

  /** Which share a {@link Score} is. */
  enum ScoreKind {
    /** LLM answers the cache rule marked as hits, of those it looked at. */
    CACHE_HIT_RATIO("cacheHitRatio"),
    /** Requests answered within {@code scores.userExperienceLatency}. */
    USER_EXPERIENCE("userExperienceScore"),
    /** Requests that succeeded. */
    RELIABILITY("reliabilityScore");

    private final String metricName;

    ScoreKind(String metricName) {
      this.metricName = metricName;
    }

    public String metricName() {
      return metricName;
    }
  }

  /** A share from 0 to 1, shown in percent. */
  record Score(ScoreKind kind) implements ThresholdMetric {
    @Override
    public String name() {
      return kind.metricName();
    }

    @Override
    public String unit() {
      return "%";
    }

    @Override
    public String format(double value) {
      return String.format(Locale.ROOT, "%.2f%%", value * 100);
    }
  }

  /** Which statistic of a custom metric a threshold judges. */
  enum CustomStatistic {
    /** Every value added up; for counters, the counter's value. */
    SUM("sum", true, true),
    /** The sum per second of the measured run. */
    RATE("rate", true, false),
    /** Values recorded. */
    COUNT("count", true, true),
    /** Responses whose value was absent or unusable. */
    MISSING("missing", true, true),
    /** Histograms: the mean value. */
    MEAN("avg", false, true),
    /** Histograms: the lowest value. */
    MIN("min", false, true),
    /** Histograms: the highest value. */
    MAX("max", false, true),
    /** Histograms: a percentile, e.g. {@code p95}. */
    PERCENTILE("p", false, true);

    private final String written;
    private final boolean forCounters;
    private final boolean forHistograms;

    CustomStatistic(String written, boolean forCounters, boolean forHistograms) {
      this.written = written;
      this.forCounters = forCounters;
      this.forHistograms = forHistograms;
    }

    /** True when a metric of this kind has the statistic. */
    public boolean appliesTo(CustomMetric.Kind kind) {
      return kind == CustomMetric.Kind.COUNTER ? forCounters : forHistograms;
    }

    /** The statistics a kind has, as written in specs, for messages. */
    public static String namesFor(CustomMetric.Kind kind) {
      return java.util.Arrays.stream(values()).filter(statistic -> statistic.appliesTo(kind))
          .map(statistic -> statistic == PERCENTILE ? "pNN" : statistic.written)
          .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The statistic a name's last part writes: {@code sum}, {@code p95}. */
    static CustomStatistic parse(String text) {
      for (CustomStatistic statistic : values()) {
        if (statistic != PERCENTILE && statistic.written.equals(text)) {
          return statistic;
        }
      }
      if (text.matches("p[0-9]{1,2}(\\.[0-9]+)?")) {
        return PERCENTILE;
      }
      throw new IllegalArgumentException("unknown statistic '" + text + "' of a custom metric");
    }
  }

  /**
   * A statistic of a custom metric over all its series, e.g. {@code custom.agent_steps.p95}.
   *
   * @param metric the metric's name under a request's {@code metrics:}
   * @param statistic what is judged
   * @param percentile for {@link CustomStatistic#PERCENTILE}, e.g. 95; 0 otherwise
   */
  record Custom(String metric, CustomStatistic statistic, double percentile)
      implements ThresholdMetric {
    /** The prefix of custom metrics in specs: {@code custom.agent_steps.p95}. */
    public static final String PREFIX = "custom.";

    /** Parses {@code custom.NAME.STATISTIC}; the schema has shaped it. */
    static Custom parse(String name) {
      String rest = name.substring(PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0) {
        throw new IllegalArgumentException("a custom metric threshold reads custom.NAME.STATISTIC,"
            + " like custom.agent_steps.p95, got '" + name + "'");
      }
      String statistic = rest.substring(dot + 1);
      CustomStatistic parsed = CustomStatistic.parse(statistic);
      return new Custom(rest.substring(0, dot), parsed, parsed == CustomStatistic.PERCENTILE
          ? Double.parseDouble(statistic.substring(1)) : 0);
    }

    @Override
    public String name() {
      String written = statistic == CustomStatistic.PERCENTILE
          ? "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile)
              : Double.toString(percentile))
          : statistic.written;
      return PREFIX + metric + "." + written;
    }

    /** Limits are plain numbers in the metric's own unit, which only its declaration knows. */
    @Override
    public String unit() {
      return statistic == CustomStatistic.RATE ? "/s" : "";
    }

    @Override
    public String format(double value) {
      return Double.isNaN(value) ? "no values" : String.format(Locale.ROOT, "%.2f%s", value,
          unit());
    }
  }
}
