package dev.loadtest.report;

import java.util.List;

/** The names of the files {@code --out DIR} holds; {@code docs/reports.md} describes each. */
public final class ResultFiles {

  /** The HdrHistogram interval log: the source of every latency figure. */
  public static final String LATENCY_LOG = "latency.hlog";
  /** Counters, failures, thresholds and metadata that the interval log does not carry. */
  public static final String RESULTS = "results.json";
  public static final String SUMMARY = "summary.json";
  public static final String HTML = "report.html";
  public static final String JUNIT = "junit.xml";
  public static final String RUN_LOG = "run.log";
  /**
   * Written instead of results when a run could not measure anything (the target failed its
   * preflight, the metrics port was taken): why, in one line. A merge names it for a missing
   * worker, and the Helm chart's merge step stops waiting for that worker when it appears.
   */
  public static final String COULD_NOT_RUN = "could-not-run.txt";
  public static final String CHARTS = "charts";
  /** The default prefix of the Locust-style CSV files, as Locust's {@code --csv PREFIX}. */
  public static final String DEFAULT_CSV_PREFIX = "loadtest";

  private ResultFiles() {}

  /** The files a run writes, for the output-directory checks; CSV names use {@code prefix}. */
  public static List<String> all(String prefix) {
    return List.of(LATENCY_LOG, RESULTS, LlmResults.FILE_NAME, CustomMetricResults.FILE_NAME,
        MonitorResults.FILE_NAME,
        SUMMARY, HTML, JUNIT, RUN_LOG, COULD_NOT_RUN, CHARTS,
        prefix + LocustCsv.STATS, prefix + LocustCsv.HISTORY, prefix + LocustCsv.FAILURES,
        prefix + LocustCsv.EXCEPTIONS, prefix + LocustCsv.LLM_STATS);
  }
}
