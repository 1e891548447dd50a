package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeders against the mock: each strategy, what running out does, and rows spread across
 * users. Rows go into the path, so the mock's per-path counts show who got which row.
 */
class FeederRunTest {

  @TempDir
  Path folder;
  private MockServer mock;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0,
        0, 1), "127.0.0.1", 0);
    Files.createDirectories(folder.resolve("data"));
    Files.writeString(folder.resolve("data/tenants.csv"), "tenant,key\na,k1\nb,k2\nc,k3\n");
    Files.writeString(folder.resolve("data/tenants.jsonl"),
        "{\"tenant\":\"a\",\"key\":\"k1\"}\n{\"tenant\":\"b\",\"key\":\"k2\"}\n");
  }

  @AfterEach
  void stopMock() {
    mock.close();
  }

  @Test
  void sequentialRowsGoInFileOrderAndStopWhenUsedUp() throws Exception {
    Map<String, Long> counts = run("data/tenants.csv", "sequential", "stop", 1, 5);
    // Five iterations, three rows: the user stops after the third.
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/t/a", 1L, "/t/b", 1L,
        "/t/c", 1L));
    // Said once, where the run's other warnings go (console, run.log).
    assertThat(warnings).containsExactly("feeder tenants ran out of its 3 rows: users that"
        + " need a row stop (whenExhausted: stop)");
  }

  @Test
  void sequentialRowsRecycleFromTheTop() throws Exception {
    Map<String, Long> counts = run("data/tenants.jsonl", "sequential", "recycle", 1, 5);
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/t/a", 3L, "/t/b", 2L));
    assertThat(warnings).isEmpty();
  }

  @Test
  void uniquePerUserGivesEachUserItsOwnRowForItsWholeLife() throws Exception {
    Map<String, Long> counts = run("data/tenants.csv", "uniquePerUser", "stop", 3, 4);
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/t/a", 4L, "/t/b", 4L,
        "/t/c", 4L));
  }

  @Test
  void uniquePerUserWithStopLeavesUsersBeyondTheRowsIdle() throws Exception {
    Map<String, Long> counts = run("data/tenants.jsonl", "uniquePerUser", "stop", 3, 2);
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/t/a", 2L, "/t/b", 2L));
  }

  @Test
  void randomRowsNeverRunOut() throws Exception {
    Map<String, Long> counts = run("data/tenants.csv", "random", "stop", 2, 30);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    assertThat(counts).containsOnlyKeys("/t/a", "/t/b", "/t/c");
  }

  /** Runs a spec written into the temporary folder; returns the mock's counts under /t/. */
  private Map<String, Long> run(String file, String strategy, String whenExhausted, int users,
      int iterations) throws Exception {
    String yaml = "name: feeders\n"
        + "target: {baseUrl: " + mock.baseUri() + "}\n"
        + "load: {users: " + users + ", iterations: " + iterations + ", hold: 20s}\n"
        + "feeders:\n  tenants: {file: " + file + ", strategy: " + strategy
        + ", whenExhausted: " + whenExhausted + ", secret: [key]}\n"
        + "scenarios:\n  - name: s\n    feeders: [tenants]\n"
        + "    headers: {Authorization: 'Bearer ${tenants.key}'}\n"
        + "    tasks:\n      - {name: t, request: {path: '/t/${tenants.tenant}'}}\n";
    Path spec = folder.resolve("spec.yaml");
    Files.writeString(spec, yaml);
    var document = new SpecLoader(Map.of()).load(List.of(spec), List.of());
    TestPlan plan = new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
    assertThat(plan.describe()).contains("key (secret)").doesNotContain("k1");
    RunOptions options = new RunOptions(Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO);
    RunListener listener = new RunListener() {
      @Override
      public void onWarning(String message) {
        warnings.add(message);
      }
    };
    new LoadRunner(plan, mock.baseUri(), options, listener).run(new RunControl());
    return mock.requestCountsByPath().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("/t/"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
