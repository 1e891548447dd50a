package dev.loadtest.report;

import dev.loadtest.run.ProgressReport;
import dev.loadtest.run.RunListener;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Prints the run's progress as it goes: one line per progress interval, and each warning once.
 * Thread-safe: the engine calls it from its scheduler, the CLI from the main thread.
 */
public final class ConsoleReporter implements RunListener {

  private final PrintWriter out;
  private final Set<String> warned = new HashSet<>();

  public ConsoleReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void onLoadStart(java.time.Instant startedAt) {
    out.println("load started");
    out.flush();
  }

  @Override
  public synchronized void onProgress(ProgressReport report) {
    out.println(progressLine(report));
    out.flush();
  }

  @Override
  public synchronized void onWarning(String message) {
    if (warned.add(message)) {
      out.println("WARNING: " + message);
      out.flush();
    }
  }

  /** E.g. {@code [  0:15 / 1:00] users 20 | 312.4 req/s | p95 41.2 ms | errors 3 (0.07%)}. */
  static String progressLine(ProgressReport report) {
    double errorPercent = report.totalRequests() == 0 ? 0
        : 100.0 * report.totalFailures() / report.totalRequests();
    return String.format(Locale.ROOT,
        "[%s / %s] users %d | %.1f req/s | p95 %s | requests %d | errors %d (%.2f%%)",
        clock(report.elapsedMillis()), clock(report.plannedMillis()), report.activeUsers(),
        report.requestsPerSecond(), Tables.millis(report.p95Millis()), report.totalRequests(),
        report.totalFailures(), errorPercent);
  }

  private static String clock(long millis) {
    long seconds = millis / 1000;
    return String.format(Locale.ROOT, "%3d:%02d", seconds / 60, seconds % 60);
  }
}
