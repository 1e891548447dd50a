package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGTERM to a real loadtest process in the middle of a run: it stops sending, writes what it
 * measured, and exits with the thresholds' code rather than the signal's.
 */
class SignalTest {

  private static final String SPEC = """
      name: signalled
      target: {baseUrl: mock}
      mock: {latency: {fixed: 10ms}}
      load: {users: 3, hold: 10m}
      scenarios:
        - name: s
          thinkTime: 10ms
          tasks:
            - {name: t, request: {path: /x}}
      thresholds:
        - {metric: errorRate, below: 1%}
      """;

  @TempDir
  Path directory;

  @Test
  void sigtermWritesTheSummaryAndExitsWithTheVerdict() throws Exception {
    Path spec = Files.writeString(directory.resolve("signalled.yaml"), SPEC);
    Path out = directory.resolve("out");
    Process process = new ProcessBuilder(List.of(javaBinary(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "run", "-f",
        spec.toString(), "--out", out.toString()))
        .redirectErrorStream(true).start();
    ProcessOutput output = new ProcessOutput(process);

    assertThat(output.awaitLine("| errors", 30)).as("a progress line: %s", output).isTrue();
    // SIGTERM through the handle: Process.destroy() would also close our end of its output.
    assertThat(process.toHandle().destroy()).isTrue();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();
    assertThat(output.awaitEnd(10)).isTrue();
    assertThat(process.exitValue()).as(output.toString()).isZero();
    JsonNode summary = JsonMapper.builder().build()
        .readTree(Files.readString(out.resolve("summary.json")));
    assertThat(summary.get("interrupted").asBoolean()).isTrue();
    assertThat(summary.get("totals").get("requests").asLong()).isPositive();
    assertThat(output.toString()).contains("INTERRUPTED", "RESULT: PASSED");
  }

  /** Reads a process's output on one thread from start to end, so nothing is lost. */
  private static final class ProcessOutput {
    private final StringBuffer text = new StringBuffer();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final java.util.Map<String, CountDownLatch> markers =
        new java.util.concurrent.ConcurrentHashMap<>();

    ProcessOutput(Process process) {
      Thread reader = new Thread(() -> read(process), "process-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(Process process) {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          text.append(line).append('\n');
          String seen = line;
          markers.forEach((marker, latch) -> {
            if (seen.contains(marker)) {
              latch.countDown();
            }
          });
        }
      } catch (IOException e) {
        text.append("(reading failed: ").append(e).append(")\n");
      } finally {
        ended.countDown();
      }
    }

    boolean awaitLine(String marker, int seconds) throws InterruptedException {
      CountDownLatch latch = markers.computeIfAbsent(marker, key -> new CountDownLatch(1));
      if (text.toString().contains(marker)) {
        return true;
      }
      return latch.await(seconds, TimeUnit.SECONDS);
    }

    boolean awaitEnd(int seconds) throws InterruptedException {
      return ended.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
