package dev.loadtest.metrics;

import java.util.List;

/**
 * Every metric name loadtest exports, in base units (seconds, bytes, ratios), with the one
 * project prefix. Prometheus adds {@code _total} to counters and {@code _bucket}, {@code _sum},
 * {@code _count} to histograms on export; the names here are without those suffixes.
 * Documented in {@code docs/metrics.md}; the dashboard and alerts use only these.
 */
public final class MetricNames {

  /** The project prefix of every exported name. */
  public static final String PREFIX = "loadtest_";

  /** Counter: requests completed, by scenario and request. */
  public static final String REQUESTS = PREFIX + "requests";
  /** Counter: failed requests, by scenario, request and failure kind. */
  public static final String FAILURES = PREFIX + "request_failures";
  /** Counter: responses received, by scenario, request and HTTP status class. */
  public static final String RESPONSES = PREFIX + "responses";
  /** Histogram: request latency in seconds, by scenario and request. */
  public static final String REQUEST_DURATION = PREFIX + "request_duration_seconds";
  /** Gauge: virtual users active at the end of the last interval. */
  public static final String ACTIVE_USERS = PREFIX + "active_users";
  /** Counter: arrivals open load models scheduled; only when a scenario has an open model. */
  public static final String ARRIVALS = PREFIX + "arrivals";
  /** Counter: arrivals that could not start in time and were dropped (open model). */
  public static final String DROPPED_ARRIVALS = PREFIX + "dropped_arrivals";
  /** Gauge: how late the generator started requests in the last interval, seconds. */
  public static final String GENERATOR_LAG = PREFIX + "generator_lag_seconds";
  /** Gauge: 1 while a threshold passes, 0 while it fails; label {@code threshold}. */
  public static final String THRESHOLD_PASSED = PREFIX + "threshold_passed";
  /** Gauge: the generator process's CPU use, 0..1 of all cores. */
  public static final String GENERATOR_CPU = PREFIX + "generator_cpu_ratio";
  /** Gauge: the generator's heap in use, bytes. */
  public static final String GENERATOR_HEAP_USED = PREFIX + "generator_heap_used_bytes";
  /** Gauge: the generator's maximum heap, bytes. */
  public static final String GENERATOR_HEAP_MAX = PREFIX + "generator_heap_max_bytes";
  /** Gauge: 1 while the generator's CPU has stayed above the self-check limit. */
  public static final String GENERATOR_SATURATED = PREFIX + "generator_saturated";
  /** Gauge: the last value of a target monitor's series; labels monitor, series. */
  public static final String MONITOR_VALUE = PREFIX + "monitor_value";
  /** Counter: failed scrapes of a target monitor; label monitor. */
  public static final String MONITOR_SCRAPE_FAILURES = PREFIX + "monitor_scrape_failures";
  /** Info (a gauge of 1): labels carry the spec's name and loadtest's version. */
  public static final String RUN_INFO = PREFIX + "run_info";

  /** Histogram, when LLM metrics are present: time to first token, seconds. */
  public static final String TIME_TO_FIRST_TOKEN = PREFIX + "time_to_first_token_seconds";
  /** Histogram, when LLM metrics are present: time between streamed tokens, seconds. */
  public static final String INTER_TOKEN_LATENCY = PREFIX + "inter_token_latency_seconds";
  /** Counter, when LLM metrics are present: tokens, label direction (input, output). */
  public static final String TOKENS = PREFIX + "tokens";
  /** Counter, when LLM metrics are present: estimated cost in US dollars. */
  public static final String COST = PREFIX + "cost_usd";

  /**
   * The prefix of custom metrics (a request's {@code metrics:}): {@code agent_steps} is exported
   * as {@code loadtest_custom_agent_steps}, with {@code _total} for counters.
   */
  public static final String CUSTOM_PREFIX = PREFIX + "custom_";
  /** Counter: responses that lacked a custom metric's value; label metric and its own labels. */
  public static final String CUSTOM_VALUES_MISSING = PREFIX + "missing_custom_values";

  /** Label: the run's id, on every series. */
  public static final String RUN_ID_LABEL = "run_id";

  /** Label: the worker's number (1-based) when a run is split with {@code --segment I/N}. */
  public static final String WORKER_LABEL = "worker";

  private MetricNames() {}

  /** Names the engine exports today (without exposition suffixes). */
  public static List<String> exported() {
    return List.of(REQUESTS, FAILURES, RESPONSES, REQUEST_DURATION, ACTIVE_USERS, ARRIVALS,
        DROPPED_ARRIVALS, GENERATOR_LAG, THRESHOLD_PASSED, GENERATOR_CPU, GENERATOR_HEAP_USED,
        GENERATOR_HEAP_MAX, GENERATOR_SATURATED, MONITOR_VALUE, MONITOR_SCRAPE_FAILURES,
        RUN_INFO, CUSTOM_VALUES_MISSING);
  }

  /** The exported name of a custom metric, without exposition suffixes. */
  public static String custom(String name) {
    return CUSTOM_PREFIX + name;
  }

  /** Names reserved for the LLM metrics; exported once those measurements exist. */
  public static List<String> llm() {
    return List.of(TIME_TO_FIRST_TOKEN, INTER_TOKEN_LATENCY, TOKENS, COST);
  }
}
