package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.metrics.LatencyBuckets;
import dev.loadtest.metrics.MetricsSession;
import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MetricsCompiler;
import dev.loadtest.plan.MetricsPlan;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.run.LoadRunner;
import dev.loadtest.run.RunControl;
import dev.loadtest.run.RunListener;
import dev.loadtest.run.RunOptions;
import dev.loadtest.run.RunResult;
import dev.loadtest.spec.SpecDocument;
import dev.loadtest.spec.SpecLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live metrics of real runs against the mock on loopback, wired as {@code run} wires them
 * ({@link LiveMetricsOptions#start}), read over HTTP from {@code /metrics} once the run has
 * ended and before the server closes: requests, the latency histogram's fixed buckets, custom
 * metrics and open-model series hold exactly what the run's own statistics counted.
 */
class LiveMetricsRunTest {

  /** Each arrival lists items; the echo answers {"id":"N","path":"/api/items",...}. */
  private static final String OPEN = """
      name: live-it
      seed: 9
      target: {baseUrl: http://127.0.0.1:1}
      load: {arrivalRate: 60, duration: 1500ms, maxConcurrency: 3, whenSaturated: drop}
      scenarios:
        - name: api
          tasks:
            - name: list
              request:
                name: list items
                path: /api/items
                metrics:
                  - {name: listed, type: counter, labels: {route: items}}
                  - {name: echo_id, type: histogram, jsonPath: $.id, buckets: [10, 1000]}
                  - {name: path_number, type: histogram, jsonPath: $.path}
      thresholds:
        - {metric: custom.listed.sum, above: 1}
        - {metric: custom.path_number.missing, below: 1}
      """;

  private MockServer mock;

  @BeforeEach
  void startMock() throws Exception {
    // 50 ms answers and at most 3 in flight: about 60 per second are served, the rest dropped.
    mock = MockServer.start(new MockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(50)), 0, 0, 1), "127.0.0.1", 0);
  }

  @AfterEach
  void stopMock() throws Exception {
    mock.close();
  }

  @Test
  void openModelRunExportsCustomMetricsArrivalsDropsAndLag() throws Exception {
    Scraped scraped = runAndScrape(OPEN);
    RunResult result = scraped.result();
    long requests = result.stats().total().requests();
    long dropped = result.stats().dropped();
    String page = scraped.page();
    assertThat(requests).as(page).isPositive();
    assertThat(dropped).as("the cap of 3 in flight turns arrivals away").isPositive();

    String run = "run_id=\"live-it\"";
    assertThat(value(page, "loadtest_custom_listed_total", run, "route=\"items\""))
        .isEqualTo(requests);
    assertThat(value(page, "loadtest_custom_echo_id_count", run)).isEqualTo(requests);
    // Ids count up from the mock's start: the first ten fall in the first bucket.
    assertThat(value(page, "loadtest_custom_echo_id_bucket", run, "le=\"+Inf\""))
        .isEqualTo(requests);
    assertThat(value(page, "loadtest_custom_echo_id_bucket", run, "le=\"10.0\""))
        .isBetween(1.0, 11.0);
    assertThat(value(page, "loadtest_missing_custom_values_total", run,
        "metric=\"path_number\"")).isEqualTo(requests);
    assertThat(value(page, "loadtest_missing_custom_values_total", run, "metric=\"echo_id\""))
        .isZero();
    assertThat(value(page, "loadtest_threshold_passed", "threshold=\"custom.listed.sum > 1\""))
        .isEqualTo(1.0);
    assertThat(value(page, "loadtest_threshold_passed",
        "threshold=\"custom.path_number.missing < 1\"")).isZero();

    // Every arrival was sent (and recorded, or abandoned at the end) or dropped.
    assertThat(value(page, "loadtest_arrivals_total", run))
        .isEqualTo(requests + dropped + result.abandonedRequests());
    assertThat(value(page, "loadtest_dropped_arrivals_total", run)).isEqualTo(dropped);
    assertThat(value(page, "loadtest_generator_lag_seconds", run)).isNotNegative();
  }

  @Test
  void closedModelRunExportsNoArrivalSeries() throws Exception {
    String closed = OPEN.replace(
        "load: {arrivalRate: 60, duration: 1500ms, maxConcurrency: 3, whenSaturated: drop}",
        "load: {users: 2, hold: 1s}");

    Scraped scraped = runAndScrape(closed);

    assertThat(scraped.page()).contains("loadtest_custom_listed_total")
        .doesNotContain("loadtest_arrivals_total", "loadtest_dropped_arrivals_total",
            "loadtest_generator_lag_seconds");
  }

  @Test
  void latencyIsAHistogramWithTheSameBucketsUpToAMinuteOnEveryGenerator() throws Exception {
    Scraped scraped = runAndScrape(OPEN);
    String page = scraped.page();
    long requests = scraped.result().stats().total().requests();
    String request = "request=\"list items\"";

    assertThat(value(page, "loadtest_requests_total", request)).isEqualTo(requests);
    assertThat(value(page, "loadtest_request_duration_seconds_count", request))
        .isEqualTo(requests);
    // Fixed bounds, so that buckets add up across generators: 5 ms to 60 s, then +Inf.
    for (double bound : LatencyBuckets.upperBoundsSeconds()) {
      value(page, "loadtest_request_duration_seconds_bucket", request, "le=\"" + bound + "\"");
    }
    assertThat(LatencyBuckets.upperBoundsSeconds()).startsWith(0.005).endsWith(60.0);
    // Each answer took the mock's 50 ms (and less than a second more), none less than 25 ms.
    assertThat(value(page, "loadtest_request_duration_seconds_bucket", request,
        "le=\"0.025\"")).isZero();
    assertThat(value(page, "loadtest_request_duration_seconds_bucket", request, "le=\"1.0\""))
        .isEqualTo(requests);
    assertThat(value(page, "loadtest_request_duration_seconds_bucket", request,
        "le=\"+Inf\"")).isEqualTo(requests);
    assertThat(value(page, "loadtest_generator_cpu_ratio", "run_id=\"live-it\""))
        .isBetween(0.0, 1.0);
    assertThat(value(page, "loadtest_generator_heap_used_bytes", "run_id=\"live-it\""))
        .isPositive();
  }

  private record Scraped(RunResult result, String page) {}

  private Scraped runAndScrape(String yaml) throws Exception {
    SpecDocument document = new SpecLoader(Map.of())
        .loadTexts(List.of(Map.entry("live.yaml", yaml)), List.of());
    TestPlan plan = new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
    MetricsPlan metrics = new MetricsCompiler().compile(document)
        .withServer(new MetricsPlan.Server.Serve("127.0.0.1", 0)).withRunId("live-it");
    RunListener quiet = new RunListener() {};
    try (MetricsSession session = LiveMetricsOptions.start(plan, metrics, quiet)) {
      RunResult result = new LoadRunner(plan, mock.baseUri(), RunOptions.DEFAULT,
          session.listener()).run(new RunControl());
      session.finish();
      URI endpoint = session.endpoint().orElseThrow();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return new Scraped(result, response.body());
    }
  }

  /** The value of the one sample of {@code name} whose labels hold every fragment. */
  private static double value(String page, String name, String... labelFragments) {
    Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$",
        Pattern.MULTILINE);
    Matcher matcher = sample.matcher(page);
    while (matcher.find()) {
      String labels = matcher.group(1);
      if (java.util.Arrays.stream(labelFragments).allMatch(labels::contains)) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    throw new AssertionError("no sample " + name + " with " + List.of(labelFragments)
        + " in:\n" + page);
  }
}
