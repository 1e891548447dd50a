package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.RequestSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every load model against a real mock on loopback: counts, ramps, drops, and latencies that
 * tell the truth about a stalling target. Tolerances are wide on purpose; the tight ones live in
 * the benchmark.
 */
class LoadModelsTest {

  private static final RunOptions FAST = new RunOptions(Duration.ofMillis(100),
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5));

  @Test
  void openModelAtAFixedRateSendsTheExpectedCount() throws Exception {
    try (MockServer mock = mock(fixed(5), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {arrivalRate: 200, duration: 3s}");

      // 200/s for 3 s is exactly 600 arrivals; each sends one request.
      assertThat(result.stats().total().requests()).isEqualTo(600);
      assertThat(mock.requestCount()).isEqualTo(600);
      assertThat(result.stats().dropped()).isZero();
      // A cold JVM is late for its first arrivals; the benchmark measures a warm one.
      assertThat(result.stats().lagPercentileMillis(50)).isLessThan(5);
      assertThat(result.stats().generatorLag().getTotalCount()).isEqualTo(600);
    }
  }

  @Test
  void stallingTargetShowsItsStallsInThePercentiles() throws Exception {
    // Answers in 1 ms but freezes 1 s in every 5 s: a fifth of the arrivals wait up to 1 s,
    // so the true p90/p95/p99 are about 500/750/950 ms.
    MockSettings.Stall stall = new MockSettings.Stall(Duration.ofSeconds(5),
        Duration.ofSeconds(1));
    try (MockServer mock = mock(fixed(1), stall)) {
      RunResult result = run(mock, "load: {arrivalRate: 200, duration: 10s,"
          + " maxConcurrency: 1000}");

      RequestSummary total = result.stats().total();
      assertThat(total.requests()).isEqualTo(2000);
      assertThat(total.percentileMillis(90)).isBetween(300.0, 700.0);
      assertThat(total.percentileMillis(95)).isBetween(550.0, 950.0);
      assertThat(total.percentileMillis(99)).isBetween(800.0, 1100.0);
      assertThat(total.percentileMillis(50)).isLessThan(50);
    }
  }

  @Test
  void arrivalsBeyondTheCapAreDroppedAndCounted() throws Exception {
    try (MockServer mock = mock(fixed(200), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {arrivalRate: 50, duration: 2s, maxConcurrency: 2}");

      // 100 arrivals; two slots of 200 ms serve about 20 of them, the rest are dropped.
      long requests = result.stats().total().requests();
      assertThat(requests + result.stats().dropped()).isEqualTo(100);
      assertThat(result.stats().dropped()).isGreaterThan(60);
      assertThat(result.stats().timeline().stream().mapToLong(IntervalPoint::dropped).sum())
          .isEqualTo(result.stats().dropped());
    }
  }

  @Test
  void queuedArrivalsWaitAndTheWaitIsLatency() throws Exception {
    try (MockServer mock = mock(fixed(100), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {arrivalRate: 20, duration: 1s, maxConcurrency: 1,"
          + " whenSaturated: queue}");

      // 20 arrivals through one slot of 100 ms: the last waits about 1.9 s - 0.95 s.
      RequestSummary total = result.stats().total();
      assertThat(total.requests()).isEqualTo(20);
      assertThat(result.stats().dropped()).isZero();
      assertThat(total.maxMillis()).isGreaterThan(800);
      assertThat(total.servicePercentileMillis(100)).isLessThan(400);
    }
  }

  @Test
  void rateStagesRampAsSpecified() throws Exception {
    try (MockServer mock = mock(fixed(1), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {stages: [{duration: 2s, rate: 200}]}");

      // From 0 to 200/s over 2 s: 200 arrivals, 50 in the first second and 150 in the second.
      long firstSecond = sentBetween(result, 0, 1000);
      long secondSecond = sentBetween(result, 1000, 2100);
      assertThat(firstSecond + secondSecond).isEqualTo(200);
      assertThat(firstSecond).isBetween(40L, 60L);
      assertThat(secondSecond).isBetween(140L, 160L);
    }
  }

  @Test
  void eachUserRunsItsIterationsThenTheScenarioEnds() throws Exception {
    try (MockServer mock = mock(fixed(5), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {users: 3, iterations: 4, hold: 1m}");

      assertThat(result.stats().total().requests()).isEqualTo(12);
      assertThat(result.stats().elapsed()).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void sharedIterationsAreRunOnceInAll() throws Exception {
    try (MockServer mock = mock(fixed(5), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {users: 4, sharedIterations: 10}");

      assertThat(result.stats().total().requests()).isEqualTo(10);
      assertThat(result.stats().elapsed()).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void pacingStartsIterationsAtMostThatOften() throws Exception {
    try (MockServer mock = mock(fixed(5), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {users: 2, hold: 1s, pacing: 200ms}");

      // Two users, an iteration every 200 ms each, for 1 s: 10 iterations.
      assertThat(result.stats().total().requests()).isBetween(9L, 11L);
    }
  }

  @Test
  void coordinatedOmissionCorrectionFillsInTheMissedIterations() throws Exception {
    try (MockServer mock = mock(fixed(350), MockSettings.Stall.NONE)) {
      RunResult result = run(mock, "load: {users: 1, hold: 1s, pacing: 100ms,"
          + " correctCoordinatedOmission: true}");

      // Each 350 ms answer kept two 100 ms iterations from starting: 250 and 150 ms are added.
      RequestSummary total = result.stats().total();
      assertThat(total.requests()).isBetween(2L, 4L);
      assertThat(total.corrections()).isEqualTo(2 * total.requests());
      assertThat(total.percentileMillis(50)).isLessThan(300);
      assertThat(total.errorRate()).isZero();
    }
  }

  private static long sentBetween(RunResult result, long fromMillis, long toMillis) {
    List<IntervalPoint> timeline = result.stats().timeline();
    return timeline.stream()
        .filter(point -> point.elapsedMillis() > fromMillis && point.elapsedMillis() <= toMillis)
        .mapToLong(IntervalPoint::requestsSent).sum();
  }

  private static LatencyDistribution fixed(long millis) {
    return new LatencyDistribution.Fixed(Duration.ofMillis(millis));
  }

  private static MockServer mock(LatencyDistribution latency, MockSettings.Stall stall)
      throws Exception {
    return MockServer.start(new MockSettings(latency, 0, 0, 1, stall), "127.0.0.1", 0);
  }

  private static RunResult run(MockServer mock, String load) throws Exception {
    String yaml = "name: models\n"
        + "seed: 5\n"
        + "target: {baseUrl: " + mock.baseUri() + "}\n"
        + load + "\n"
        + "scenarios:\n"
        + "  - name: s\n"
        + "    tasks:\n"
        + "      - {name: t, request: {path: /x}}\n";
    var document = new SpecLoader(Map.of()).loadTexts(List.of(Map.entry("models.yaml", yaml)),
        List.of());
    TestPlan plan = new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
    return new LoadRunner(plan, mock.baseUri(), FAST, RunListener.NONE).run(new RunControl());
  }
}
