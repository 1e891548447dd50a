package dev.loadtest.report;

import dev.loadtest.metrics.MonitorSeries;
import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.RequestSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts as PNG images with XChart, without a display. Charts that show one
 * line per request name keep the {@link #TOP_REQUESTS} busiest names, so that a run with 50
 * names stays readable; the tables list every name. Time charts of long runs draw each line
 * thinned to {@link ChartLine#MAX_POINTS}, keeping highs and lows. Stateless and thread-safe.
 */
final class Charts {

  static {
    // XChart draws with AWT; without a display AWT must be told before it first loads.
    System.setProperty("java.awt.headless", "true");
  }

  /** Request names drawn in per-request charts, the busiest first. */
  static final int TOP_REQUESTS = 8;
  static final int WIDTH = 960;
  static final int HEIGHT = 380;

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x17becf), new Color(0x444444)};

  private Charts() {}

  /** One chart: its file name under {@code charts/}, title, caption and PNG bytes. */
  record Chart(String fileName, String title, String caption, byte[] png) {}

  static List<Chart> all(SavedRun run) throws IOException {
    List<Chart> charts = new ArrayList<>();
    charts.add(throughput(run));
    charts.add(users(run));
    charts.add(latencyOverTime(run));
    charts.add(requestLatencyOverTime(run));
    charts.add(percentileCurve(run));
    if (run.llmTimeline().present()) {
      charts.add(ttftOverTime(run));
      charts.add(outputTokensOverTime(run));
    }
    for (MonitorSeries series : run.monitors()) {
      charts.add(monitor(run, series));
    }
    return charts;
  }

  private static Chart ttftOverTime(SavedRun run) throws IOException {
    XYChart chart = timeChart("Time to first token over time, streamed answers",
        "milliseconds", run);
    double[] seconds = run.series().endSeconds();
    lineSkippingGaps(chart, "TTFT p50", seconds, run.llmTimeline().ttftP50Millis(), run);
    lineSkippingGaps(chart, "TTFT p95", seconds, run.llmTimeline().ttftP95Millis(), run);
    return png("ttft.png", chart, "Percentiles of the TTFTs of the streamed answers that ended"
        + " in each interval, all request names together; intervals without answers are left"
        + " out.");
  }

  private static Chart outputTokensOverTime(SavedRun run) throws IOException {
    XYChart chart = timeChart("Output tokens per second", "tokens per second", run);
    line(chart, "output tokens/s", run, run.llmTimeline().outputTokensPerSecond());
    return png("tokens.png", chart, "Output tokens of the streamed answers that ended in each"
        + " interval, per second, all request names together.");
  }

  /** One chart per target-monitor series: their units differ (a score, a ratio, bytes). */
  private static Chart monitor(SavedRun run, MonitorSeries series) throws IOException {
    XYChart chart = timeChart("Target monitor " + series.monitor() + ": " + series.name(),
        series.metric(), run);
    double scale = minutes(run) ? 60_000 : 1_000;
    double[] x = series.points().stream().mapToDouble(point -> point.elapsedMillis() / scale)
        .toArray();
    double[] y = series.points().stream().mapToDouble(MonitorSeries.Point::value).toArray();
    if (x.length > 0) {
      ChartLine line = ChartLine.of(x, y);
      chart.addSeries(series.name(), line.x(), line.y()).setMarker(SeriesMarkers.NONE);
    } else {
      chart.addSeries("no readings", new double[] {0}, new double[] {0});
    }
    return png("monitor-" + series.name() + ".png", chart, "Each reading of "
        + series.metric() + " from monitor " + series.monitor() + ", in the target's unit.");
  }

  private static Chart throughput(SavedRun run) throws IOException {
    XYChart chart = timeChart("Requests and failures per second", "per second", run);
    List<IntervalPoint> points = run.stats().timeline();
    line(chart, "requests/s", run, points.stream()
        .mapToDouble(IntervalPoint::requestsPerSecond).toArray());
    double[] failures = new double[points.size()];
    for (int i = 0; i < failures.length; i++) {
      failures[i] = points.get(i).failures() * 1e9 / run.intervals().get(i).lengthNanos();
    }
    line(chart, "failures/s", run, failures);
    return png("throughput.png", chart, "Completed requests and failures per second, per"
        + " sampling interval.");
  }

  private static Chart users(SavedRun run) throws IOException {
    XYChart chart = timeChart("Active users", "users", run);
    line(chart, "active users", run, run.stats().timeline().stream()
        .mapToDouble(IntervalPoint::activeUsers).toArray());
    return png("users.png", chart, "Virtual users active at the end of each interval.");
  }

  private static Chart latencyOverTime(SavedRun run) throws IOException {
    XYChart chart = timeChart("Latency over time, all requests", "milliseconds", run);
    List<IntervalPoint> points = run.stats().timeline();
    line(chart, "p50", run, points.stream().mapToDouble(IntervalPoint::p50Millis).toArray());
    line(chart, "p95", run, points.stream().mapToDouble(IntervalPoint::p95Millis).toArray());
    line(chart, "p99", run, points.stream().mapToDouble(IntervalPoint::p99Millis).toArray());
    return png("latency.png", chart, "Percentiles of each interval's latencies; intervals"
        + " without requests are drawn at 0.");
  }

  private static Chart requestLatencyOverTime(SavedRun run) throws IOException {
    XYChart chart = timeChart("p95 latency over time, by request", "milliseconds", run);
    TimeSeries series = run.series();
    for (RequestSummary request : busiest(run)) {
      int index = series.names().indexOf(request.name());
      lineSkippingGaps(chart, request.name(), series.endSeconds(), series.p95Millis(index),
          run);
    }
    return png("latency-by-request.png", chart, caption(run, "95th percentile per interval"));
  }

  private static Chart percentileCurve(SavedRun run) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Latency by percentile").xAxisTitle("percentile").yAxisTitle("milliseconds")
        .build();
    style(chart);
    chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(true)
        .setxAxisTickLabelsFormattingFunction(Charts::percentileLabel);
    List<RequestSummary> shown = new ArrayList<>(busiest(run));
    shown.add(run.stats().total());
    for (RequestSummary request : shown) {
      if (request.requests() > 0) {
        percentileLine(chart, request);
      }
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no requests", new double[] {1}, new double[] {0});
    }
    return png("percentiles.png", chart, caption(run, "Cumulative latency by percentile,"
        + " HdrHistogram style (the x axis stretches the tail)"));
  }

  private static void percentileLine(XYChart chart, RequestSummary request) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (HistogramIterationValue value : request.latencies().percentiles(5)) {
      double percentile = value.getPercentileLevelIteratedTo();
      if (percentile >= 99.999) {
        break;
      }
      x.add(100 / (100 - percentile));
      y.add(request.latencies().highestEquivalentValue(value.getValueIteratedTo()) / 1e6);
    }
    if (!x.isEmpty()) {
      XYSeries series = chart.addSeries(request.name(), x, y);
      series.setMarker(SeriesMarkers.NONE);
    }
  }

  /** 1 → 0%, 10 → 90%, 100 → 99%, 1000 → 99.9%. */
  static String percentileLabel(double x) {
    double percentile = 100 - 100 / x;
    String text = String.format(Locale.ROOT, "%.6f", percentile)
        .replaceAll("0+$", "").replaceAll("\\.$", "");
    return text + "%";
  }

  static List<RequestSummary> busiest(SavedRun run) {
    return run.stats().requests().stream()
        .sorted(Comparator.comparingLong(RequestSummary::requests).reversed()
            .thenComparing(RequestSummary::name))
        .limit(TOP_REQUESTS).toList();
  }

  private static String caption(SavedRun run, String what) {
    int names = run.stats().requests().size();
    return names <= TOP_REQUESTS ? what + "." : what + ", for the " + TOP_REQUESTS
        + " busiest of " + names + " request names; the table lists all of them.";
  }

  private static XYChart timeChart(String title, String yTitle, SavedRun run) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(minutes(run) ? "elapsed (minutes)" : "elapsed (seconds)")
        .yAxisTitle(yTitle).build();
    style(chart);
    return chart;
  }

  private static boolean minutes(SavedRun run) {
    return run.stats().elapsed().toSeconds() > 600;
  }

  private static double[] times(SavedRun run) {
    double scale = minutes(run) ? 60 : 1;
    double[] seconds = run.series().endSeconds();
    double[] times = new double[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      times[i] = seconds[i] / scale;
    }
    return times;
  }

  private static void line(XYChart chart, String name, SavedRun run, double[] values) {
    double[] x = times(run);
    if (x.length == 0) {
      x = new double[] {0};
      values = new double[] {0};
    }
    ChartLine line = ChartLine.of(x, values);
    chart.addSeries(name, line.x(), line.y()).setMarker(SeriesMarkers.NONE);
  }

  /** Leaves out intervals in which the request had no requests, instead of drawing 0. */
  private static void lineSkippingGaps(XYChart chart, String name, double[] seconds,
      double[] values, SavedRun run) {
    double[] x = times(run);
    double[] xs = new double[seconds.length];
    double[] ys = new double[seconds.length];
    int kept = 0;
    for (int i = 0; i < seconds.length; i++) {
      if (!Double.isNaN(values[i])) {
        xs[kept] = x[i];
        ys[kept++] = values[i];
      }
    }
    if (kept > 0) {
      ChartLine line = ChartLine.of(Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept));
      chart.addSeries(name, line.x(), line.y()).setMarker(SeriesMarkers.NONE);
    }
  }

  private static void style(XYChart chart) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE)
        .setSeriesColors(PALETTE).setChartBackgroundColor(Color.WHITE)
        .setAntiAlias(true);
    chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd))
        .setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(false);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setSeriesLines(new BasicStroke[] {new BasicStroke(1.5f)});
  }

  private static Chart png(String fileName, XYChart chart, String caption) throws IOException {
    // ImageIO's disk cache registers a shutdown hook on first use, which fails when a run
    // interrupted by SIGTERM writes its report during shutdown; PNGs this small need no cache.
    javax.imageio.ImageIO.setUseCache(false);
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no requests", new double[] {0}, new double[] {0});
    }
    return new Chart(fileName, chart.getTitle(), caption,
        BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }
}
