package dev.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mock as a client sees it: real HTTP on loopback, with the JDK's own client. */
class MockServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();

  @Test
  void healthAnswersAtOnceEvenWhenEverythingElseIsSlowAndFailing() throws Exception {
    MockSettings slowAndBroken = new MockSettings(fixed(Duration.ofSeconds(5)), 1, 0, 1);
    try (MockServer server = MockServer.start(slowAndBroken)) {
      long startNanos = System.nanoTime();
      HttpResponse<String> response = get(server, "/health");
      long elapsedNanos = System.nanoTime() - startNanos;

      assertThat(response.statusCode()).as("%s", server).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"status\":\"healthy\"}");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(Duration.ofNanos(elapsedNanos)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void anyPathAndMethodEchoesPathMethodAndId() throws Exception {
    try (MockServer server = MockServer.start(MockSettings.DEFAULT)) {
      HttpResponse<String> first = get(server, "/v1/items?page=2");
      String largeJson = "{\"item\":42,\"note\":\"" + "x".repeat(100_000) + "\"}";
      HttpResponse<String> second = send(request(server, "/orders")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(largeJson)));

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(first.body()).isEqualTo(
          "{\"ok\":true,\"path\":\"/v1/items\",\"method\":\"GET\",\"id\":\"0\",\"status\":\"ok\"}");
      assertThat(second.body()).isEqualTo(
          "{\"ok\":true,\"path\":\"/orders\",\"method\":\"POST\",\"id\":\"1\",\"status\":\"ok\"}");
    }
  }

  @Test
  void fixedLatencyDelaysEveryAnswer() throws Exception {
    try (MockServer server = MockServer.start(settings(fixed(Duration.ofMillis(50)), 0, 0, 1))) {
      get(server, "/warm-up");
      for (int i = 0; i < 5; i++) {
        long startNanos = System.nanoTime();
        HttpResponse<String> response = get(server, "/slow");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(50))
            .isLessThan(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void oneClientAtATimeSeesExactlyTheSeededSequence() throws Exception {
    MockSettings settings = settings(fixed(Duration.ZERO), 0.2, 0.1, 77);
    int requests = 300;
    List<Integer> statuses = new ArrayList<>();
    try (MockServer server = MockServer.start(settings)) {
      for (int i = 0; i < requests; i++) {
        statuses.add(get(server, "/sequence").statusCode());
      }
    }

    assertThat(statuses).isEqualTo(predictedStatuses(settings, requests));
  }

  @Test
  void concurrentClientsGetTheSameOutcomeCountsForTheSameSeed() throws Exception {
    MockSettings settings = settings(fixed(Duration.ZERO), 0.2, 0.1, 77);
    int requests = 2_000;

    Map<Integer, Long> first = concurrentStatusCounts(settings, requests);
    Map<Integer, Long> second = concurrentStatusCounts(settings, requests);

    // Arrival order differs between runs; the first N draws, and so the counts, do not.
    assertThat(first).isEqualTo(second).isEqualTo(countByStatus(predictedStatuses(settings,
        requests)));
    // Binomial standard deviations are about 18 and 13; five of them is a loose bound.
    assertThat(first.get(500)).isBetween(400L - 90, 400L + 90);
    assertThat(first.get(429)).isBetween(200L - 65, 200L + 65);
  }

  @Test
  void rateLimitedAnswersCarryRetryAfter() throws Exception {
    try (MockServer server = MockServer.start(settings(fixed(Duration.ZERO), 0, 1, 1))) {
      HttpResponse<String> response = get(server, "/limited");

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.body()).isEqualTo("{\"error\":\"rate limited\"}");
    }
  }

  @Test
  void failedAnswersCarryTheErrorBody() throws Exception {
    try (MockServer server = MockServer.start(settings(fixed(Duration.ZERO), 1, 0, 1))) {
      HttpResponse<String> response = get(server, "/broken");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"error\":\"mock failure\"}");
    }
  }

  @Test
  void countersMatchTheRequestsSent() throws Exception {
    try (MockServer server = MockServer.start(MockSettings.DEFAULT)) {
      for (String path : List.of("/health", "/a", "/a", "/b?x=1", "/health", "/a")) {
        get(server, path);
      }

      assertThat(server.requestCount()).as("%s", server).isEqualTo(6);
      assertThat(server.requestCountsByPath())
          .isEqualTo(Map.of("/health", 2L, "/a", 3L, "/b", 1L));
    }
  }

  @Test
  void waitingRequestsHoldNoThreads() throws Exception {
    int requests = 1_000;
    int maxThreads = 16;
    MockSettings slow = settings(fixed(Duration.ofMillis(200)), 0, 0, 1);
    try (MockServer server = MockServer.start(slow, MockServer.DEFAULT_HOST, 0, maxThreads)) {
      CountDownLatch answered = new CountDownLatch(requests);
      AtomicInteger ok = new AtomicInteger();
      long startNanos = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        CLIENT.sendAsync(request(server, "/wait/" + i).build(),
                HttpResponse.BodyHandlers.discarding())
            .whenComplete((response, failure) -> {
              if (failure == null && response.statusCode() == 200) {
                ok.incrementAndGet();
              }
              answered.countDown();
            });
      }

      // A thread per waiting request would need 1000 / 16 * 200 ms = 12.5 s at least.
      assertThat(answered.await(6, TimeUnit.SECONDS)).as("%s", server).isTrue();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      assertThat(elapsed).isLessThan(Duration.ofSeconds(6));
      assertThat(ok.get()).isEqualTo(requests);
      assertThat(server.threadPool().getThreads()).isLessThanOrEqualTo(maxThreads);
      assertThat(server.requestCount()).isEqualTo(requests);
    }
  }

  @Test
  void closeLetsWaitingRequestsFinishThenRefusesConnections() throws Exception {
    // HTTP/1.1: the JDK 17 client fails in-flight HTTP/2 streams on GOAWAY instead of finishing.
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
    MockServer server = MockServer.start(settings(fixed(Duration.ofMillis(300)), 0, 0, 1));
    CompletableFuture<HttpResponse<String>> waiting =
        client.sendAsync(request(server, "/in-flight").build(),
            HttpResponse.BodyHandlers.ofString());
    awaitRequestCount(server, 1);

    server.close();
    server.close();

    assertThat(waiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(server.toString()).contains("STOPPED");
    assertThatThrownBy(() -> client.send(request(server, "/after").build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void describesItselfWithAddressStateAndCounts() throws Exception {
    try (MockServer server = MockServer.start(MockSettings.DEFAULT)) {
      get(server, "/health");

      assertThat(server.toString())
          .startsWith("MockServer@")
          .contains(server.baseUri().toString(), "STARTED", "requests 1", "seed 1");
      assertThat(server.baseUri())
          .isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
      assertThat(server.protocols()).contains("http/1.1", "h2c");
    }
  }

  /** Sends the requests over 32 concurrent lanes, each one request at a time. */
  private static Map<Integer, Long> concurrentStatusCounts(MockSettings settings, int requests)
      throws Exception {
    int lanes = 32;
    List<CompletableFuture<List<Integer>>> results = new ArrayList<>();
    try (MockServer server = MockServer.start(settings)) {
      for (int lane = 0; lane < lanes; lane++) {
        int laneRequests = requests / lanes + (lane < requests % lanes ? 1 : 0);
        results.add(sendInSequence(server, laneRequests, new ArrayList<>()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<List<Integer>> result : results) {
        statuses.addAll(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
      return countByStatus(statuses);
    }
  }

  private static CompletableFuture<List<Integer>> sendInSequence(MockServer server, int remaining,
      List<Integer> statuses) {
    if (remaining == 0) {
      return CompletableFuture.completedFuture(statuses);
    }
    return CLIENT.sendAsync(request(server, "/lane").build(),
            HttpResponse.BodyHandlers.discarding())
        .thenCompose(response -> {
          statuses.add(response.statusCode());
          return sendInSequence(server, remaining - 1, statuses);
        });
  }

  private static Map<Integer, Long> countByStatus(List<Integer> statuses) {
    return statuses.stream().collect(Collectors.groupingBy(status -> status,
        Collectors.counting()));
  }

  private static List<Integer> predictedStatuses(MockSettings settings, int requests) {
    OutcomeSequence outcomes = new OutcomeSequence(settings);
    List<Integer> statuses = new ArrayList<>();
    for (long n = 0; n < requests; n++) {
      statuses.add(outcomes.draw(n).outcome().status());
    }
    return statuses;
  }

  /** Waits, without sleeping, until the server has seen the requests or the deadline passes. */
  private static void awaitRequestCount(MockServer server, long expected) {
    long deadlineNanos = System.nanoTime() + TIMEOUT.toNanos();
    while (server.requestCount() < expected && System.nanoTime() < deadlineNanos) {
      Thread.onSpinWait();
      Thread.yield();
    }
    assertThat(server.requestCount()).as("%s", server).isGreaterThanOrEqualTo(expected);
  }

  static HttpResponse<String> get(MockServer server, String pathAndQuery) throws Exception {
    return send(request(server, pathAndQuery));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(MockServer server, String pathAndQuery) {
    return HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery)).timeout(TIMEOUT);
  }

  private static LatencyDistribution fixed(Duration delay) {
    return new LatencyDistribution.Fixed(delay);
  }

  private static MockSettings settings(LatencyDistribution latency, double errorRate,
      double rateLimitRate, long seed) {
    return new MockSettings(latency, errorRate, rateLimitRate, seed);
  }
}
