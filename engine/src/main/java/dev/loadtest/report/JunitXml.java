package dev.loadtest.report;

import dev.loadtest.stats.ThresholdResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code junit.xml}: one test case per threshold, so that a CI system lists each
 * criterion with its observed value and limit. A run stopped by an abort threshold adds a
 * failing case named {@code run completed}. Stateless.
 */
public final class JunitXml {

  private JunitXml() {}

  public static Path write(Path directory, SavedRun run, List<ThresholdResult> verdicts)
      throws IOException {
    return AtomicFiles.writeString(directory.resolve(ResultFiles.JUNIT), render(run, verdicts));
  }

  static String render(SavedRun run, List<ThresholdResult> verdicts) {
    String suite = "loadtest." + run.metadata().name();
    boolean aborted = run.metadata().abortReason().isPresent();
    boolean incomplete = run.metadata().segments().incomplete();
    int runFailures = (aborted ? 1 : 0) + (incomplete ? 1 : 0);
    long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count() + runFailures;
    int tests = verdicts.size() + runFailures;
    String seconds = String.format(Locale.ROOT, "%.3f",
        run.stats().elapsed().toNanos() / 1e9);
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"loadtest\" tests=\"").append(tests).append("\" failures=\"")
        .append(failed).append("\" time=\"").append(seconds).append("\">\n");
    xml.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(tests)
        .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\" time=\"")
        .append(seconds).append("\" timestamp=\"").append(run.metadata().startedAt())
        .append("\">\n");
    verdicts.forEach(verdict -> testCase(xml, suite, verdict));
    run.metadata().abortReason().ifPresent(reason -> xml.append("    <testcase classname=\"")
        .append(escape(suite)).append("\" name=\"run completed\">\n      <failure message=\"")
        .append(escape("aborted: " + reason)).append("\" type=\"aborted\"/>\n")
        .append("    </testcase>\n"));
    if (incomplete) {
      xml.append("    <testcase classname=\"").append(escape(suite))
          .append("\" name=\"every worker's results merged\">\n      <failure message=\"")
          .append(escape("incomplete: " + RunMerger.missingWarning(run.metadata().segments())))
          .append("\" type=\"incomplete\"/>\n    </testcase>\n");
    }
    return xml.append("  </testsuite>\n</testsuites>\n").toString();
  }

  private static void testCase(StringBuilder xml, String suite, ThresholdResult verdict) {
    xml.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"")
        .append(escape(verdict.threshold().name())).append('"');
    if (verdict.passed()) {
      xml.append("/>\n");
      return;
    }
    xml.append(">\n      <failure message=\"").append(escape(failureMessage(verdict)))
        .append("\" type=\"threshold\">").append(escape(verdict.describe()))
        .append("</failure>\n    </testcase>\n");
  }

  /** E.g. {@code observed 2412.00 ms, limit < 2s}. */
  static String failureMessage(ThresholdResult verdict) {
    return "observed " + verdict.threshold().formatObserved(verdict.observed()) + ", limit "
        + verdict.threshold().comparison().symbol() + " " + verdict.threshold().written();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
      }
    }
    return escaped.toString();
  }
}
