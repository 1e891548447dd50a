package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our CSV headers are Locust 2.x's: checked against the headers written here, and against
 * Locust's own code from the Debian package python3-locust, which {@code .ci/setup} installs.
 */
class LocustHeadersTest {

  private static final Path LOCUST = Path.of("/usr/lib/python3/dist-packages/locust/stats.py");

  @TempDir
  Path directory;

  @Test
  void headersAreLocustTwoHeaders() {
    String percentiles = "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";
    assertThat(String.join(",", LocustCsv.STATS_HEADER)).isEqualTo("Type,Name,Request Count,"
        + "Failure Count,Median Response Time,Average Response Time,Min Response Time,"
        + "Max Response Time,Average Content Size,Requests/s,Failures/s," + percentiles);
    assertThat(String.join(",", LocustCsv.HISTORY_HEADER)).isEqualTo("Timestamp,User Count,"
        + "Type,Name,Requests/s,Failures/s," + percentiles + ",Total Request Count,"
        + "Total Failure Count,Total Median Response Time,Total Average Response Time,"
        + "Total Min Response Time,Total Max Response Time,Total Average Content Size");
    assertThat(String.join(",", LocustCsv.FAILURES_HEADER))
        .isEqualTo("Method,Name,Error,Occurrences");
    assertThat(String.join(",", LocustCsv.EXCEPTIONS_HEADER))
        .isEqualTo("Count,Message,Traceback,Nodes");
  }

  @Test
  void headersMatchThoseOfTheInstalledLocust() throws Exception {
    assertThat(LOCUST).as("Locust's source is missing: install the Debian package"
        + " python3-locust (.ci/setup does)").exists();
    List<String> lines = locustHeaders();

    assertThat(lines).containsExactly(String.join(",", LocustCsv.STATS_HEADER),
        String.join(",", LocustCsv.HISTORY_HEADER), String.join(",", LocustCsv.FAILURES_HEADER),
        String.join(",", LocustCsv.EXCEPTIONS_HEADER));
  }

  /** Asks Locust itself, with Debian's Python, for the header of each of its CSV files. */
  private List<String> locustHeaders() throws IOException, InterruptedException {
    String script = String.join("\n",
        "import sys",
        "from locust.stats import StatsCSVFileWriter, PERCENTILES_TO_REPORT",
        "w = StatsCSVFileWriter(None, PERCENTILES_TO_REPORT, sys.argv[1])",
        "for columns in (w.requests_csv_columns, w.stats_history_csv_columns,",
        "                w.failures_columns, w.exceptions_columns):",
        "    print(','.join(columns))");
    Process python = new ProcessBuilder("/usr/bin/python3", "-c", script,
        directory.resolve("locust").toString()).redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    return output.lines().filter(line -> !line.isBlank()).toList();
  }
}
