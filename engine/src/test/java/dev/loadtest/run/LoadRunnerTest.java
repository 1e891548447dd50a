package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.IntervalPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner against a real mock on loopback: schedules, interruption, results. */
class LoadRunnerTest {

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(20)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  @Test
  void interruptionStopsSendingAndStillReturnsWhatWasMeasured() throws Exception {
    TestPlan plan = plan("load: {users: 5, hold: 10m}");
    CountDownLatch measuring = new CountDownLatch(1);
    RunListener listener = new RunListener() {
      @Override
      public void onInterval(Interval interval) {
        if (interval.point().requests() > 0) {
          measuring.countDown();
        }
      }
    };
    RunControl control = new RunControl();
    LoadRunner runner = new LoadRunner(plan, mock.baseUri(), fastOptions(), listener);

    CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> run(runner,
        control));
    assertThat(measuring.await(10, TimeUnit.SECONDS)).as("requests recorded").isTrue();
    control.interrupt();
    RunResult finished = result.get(20, TimeUnit.SECONDS);

    assertThat(finished.interrupted()).isTrue();
    assertThat(finished.stats().total().requests()).isPositive();
    assertThat(finished.stats().elapsed()).isLessThan(Duration.ofMinutes(1));
    long sentAtStop = mock.requestCount();
    assertThat(finished.stats().total().requests()).isEqualTo(sentAtStop);
  }

  @Test
  void activeUsersFollowTheRamp() throws Exception {
    // 10 users over 1 s, hold 1 s, down over 1 s: intervals of 100 ms see the ramp.
    TestPlan plan = plan("load: {users: 10, rampUp: 1s, hold: 1s, rampDown: 1s}");
    List<IntervalPoint> points = new CopyOnWriteArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void onInterval(Interval interval) {
        points.add(interval.point());
      }
    };

    RunResult result = new LoadRunner(plan, mock.baseUri(), fastOptions(), listener)
        .run(new RunControl());

    assertThat(result.interrupted()).isFalse();
    for (IntervalPoint point : points) {
      int expected = plan.scenarios().get(0).load() instanceof dev.loadtest.plan.ClosedLoad load
          ? load.usersAt(point.elapsedMillis() * 1_000_000) : -1;
      // Sampling and the controller run on one thread; allow the one change in flight.
      assertThat(point.activeUsers()).as("at %d ms", point.elapsedMillis())
          .isBetween(expected - 1, expected + 1);
    }
    assertThat(points.stream().mapToInt(IntervalPoint::activeUsers).max().orElse(0))
        .isEqualTo(10);
  }

  private static RunResult run(LoadRunner runner, RunControl control) {
    try {
      return runner.run(control);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RunOptions fastOptions() {
    return new RunOptions(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  private TestPlan plan(String load) throws Exception {
    String yaml = "name: runner\n"
        + "target: {baseUrl: " + mock.baseUri() + "}\n"
        + load + "\n"
        + "scenarios:\n"
        + "  - name: s\n"
        + "    thinkTime: 10ms\n"
        + "    tasks:\n"
        + "      - {name: t, request: {path: /x}}\n";
    var document = new SpecLoader(Map.of()).loadTexts(List.of(Map.entry("runner.yaml", yaml)),
        List.of());
    return new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
  }
}
