package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.RequestSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flows against the built-in mock on loopback: ids extracted and reused (the mock rejects
 * unknown ones), polls, repeats, conditionals, lifecycle steps and 429 retries, judged by what
 * the run reports.
 */
class FlowRunTest {

  private MockServer mock;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopMock() {
    if (mock != null) {
      mock.close();
    }
  }

  @Test
  void extractedIdsAreSentByLaterSteps() throws Exception {
    StatsSnapshot stats = run(1, 3, """
        - request:
            {name: create, method: POST, path: /v1/conversations, extract: {conversation_id: $.id}}
        - request:
            name: send
            method: POST
            path: /v1/conversations/${conversation_id}/messages
            json: {content: hi}
            extract: {index: $.message_index}
        """);

    assertThat(stats.total().failures()).as(describe(stats)).isZero();
    assertThat(request(stats, "send").requests()).isEqualTo(3);
    assertThat(mock.requestCountsByPath()).containsKeys("/v1/conversations/conv-1/messages",
        "/v1/conversations/conv-3/messages");
  }

  @Test
  void aBrokenExtractionFailsTheRequestAndEndsThePass() throws Exception {
    StatsSnapshot stats = run(1, 2, """
        - request: {name: create, method: POST, path: /v1/conversations, extract: {id: $.nope}}
        - request: {name: send, method: POST, path: "/v1/conversations/${id}/messages"}
        """);

    assertThat(failures(stats)).containsExactly("create check cannot extract id: $.nope is"
        + " missing from the body x2");
    assertThat(request(stats, "send").requests()).isZero();
  }

  @Test
  void anIdTheMockDoesNotKnowFailsWithItsStatus() throws Exception {
    StatsSnapshot stats = run(1, 1, """
        - request: {name: create, method: POST, path: /v1/conversations, extract: {id: $.id}}
        - request: {name: send, method: POST, path: "/v1/conversations/x${id}/messages"}
        """);

    assertThat(failures(stats)).containsExactly("send status HTTP 404 Not Found x1");
  }

  @Test
  void aPollStopsOnceTheJobIsDoneThenTheResultIsThere() throws Exception {
    StatsSnapshot stats = run(1, 1, """
        - request: {name: start, method: POST, path: /v1/agents/jobs, extract: {job: $.id}}
        - poll:
            request: {name: status, path: "/v1/agents/jobs/${job}"}
            until: {jsonPath: $.status, in: [done, failed]}
            interval: 50ms
            timeout: 5s
        - request:
            name: result
            path: /v1/agents/jobs/${job}/result
            checks: [{jsonPath: $.status, equals: done}]
        """);

    assertThat(stats.total().failures()).as(describe(stats)).isZero();
    // Jobs take 0.4 to 1.2 s: polled every 50 ms, between 8 and 26 polls, then no more.
    assertThat(request(stats, "status").requests()).isBetween(8L, 26L);
    assertThat(request(stats, "result").requests()).isEqualTo(1);
  }

  @Test
  void aPollThatOutlivesItsTimeoutFailsAsATimeout() throws Exception {
    StatsSnapshot stats = run(1, 1, """
        - request: {name: start, method: POST, path: /v1/agents/jobs, extract: {job: $.id}}
        - poll:
            request: {name: status, path: "/v1/agents/jobs/${job}"}
            until: {jsonPath: $.status, equals: never}
            interval: 50ms
            timeout: 300ms
        - request: {name: result, path: "/v1/agents/jobs/${job}/result"}
        """);

    assertThat(stats.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(failure.message()).startsWith("poll gave up after 300ms: $.status is '");
    });
    assertThat(request(stats, "status").requests()).isBetween(4L, 8L);
    assertThat(request(stats, "result").requests()).isZero();
  }

  @Test
  void repeatsAndConditionalsFollowTheVariables() throws Exception {
    StatsSnapshot stats = run(1, 1, """
        - request: {name: create, method: POST, path: /v1/conversations, extract: {c: $.id}}
        - repeat:
            times: 3
            steps:
              - request:
                  name: send
                  method: POST
                  path: /v1/conversations/${c}/messages
                  extract: {index: $.message_index}
        - repeat:
            while: {variable: index, notIn: [5]}
            steps:
              - request:
                  {name: more, method: POST, path: "/v1/conversations/${c}/messages",
                   extract: {index: $.message_index}}
        - if: {variable: index, equals: 5}
          then: [{request: {name: five, path: /five}}]
          else: [{request: {name: other, path: /other}}]
        """);

    assertThat(stats.total().failures()).as(describe(stats)).isZero();
    assertThat(request(stats, "send").requests()).isEqualTo(3);
    assertThat(request(stats, "more").requests()).isEqualTo(2);
    assertThat(request(stats, "five").requests()).isEqualTo(1);
    assertThat(request(stats, "other").requests()).isZero();
  }

  @Test
  void setupOnStartOnStopAndTeardownRunInOrderAndShareTheirValues() throws Exception {
    String spec = """
        setup:
          - request: {name: shared, method: POST, path: /v1/conversations, extract: {room: $.id}}
        teardown:
          - request:
              name: count
              path: /v1/conversations/${room}
              checks: [{jsonPath: $.messages, equals: 3}]
          - request: {name: close room, method: DELETE, path: "/v1/conversations/${room}"}
        scenarios:
          - name: s
            onStart:
              - request: {name: login, method: POST, path: /v1/conversations, extract: {own: $.id}}
            onStop:
              - request: {name: bye, method: POST, path: "/v1/conversations/${room}/messages"}
              - request: {name: clean, method: DELETE, path: "/v1/conversations/${own}"}
            tasks:
              - name: t
                steps:
                  - request: {name: talk, method: POST, path: "/v1/conversations/${own}/messages"}
        """;
    StatsSnapshot stats = runSpec(3, 2, spec);

    assertThat(stats.total().failures()).as(describe(stats)).isZero();
    assertThat(request(stats, "login").requests()).isEqualTo(3);
    assertThat(request(stats, "talk").requests()).isEqualTo(6);
    assertThat(request(stats, "bye").requests()).isEqualTo(3);
    assertThat(warnings).as("teardown saw every user's bye").isEmpty();
    assertThat(status("/v1/conversations/conv-1")).as("teardown closed the room").isEqualTo(404);
    assertThat(status("/v1/conversations/conv-2")).as("a user cleaned up").isEqualTo(404);
  }

  @Test
  void a429IsSentAgainAfterItsRetryAfterWithinTheBound() throws Exception {
    // Half of the mock's answers are 429 with Retry-After: 1; the cap makes each wait 20 ms.
    startMock(new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0, 0.5, 3));
    StatsSnapshot stats = runOnMock(1, 20, """
        - request: {name: ask, path: /ask, retry: {times: 8, maxWait: 20ms}}
        """, "");

    assertThat(stats.total().failures()).as(describe(stats)).isZero();
    assertThat(request(stats, "ask").requests()).isEqualTo(20);
    long retried = count(stats, FailureKind.RATE_LIMITED);
    assertThat(retried).isPositive();
    assertThat(mock.requestCount() - 1).as("sends besides the preflight")
        .isEqualTo(20 + retried);
  }

  @Test
  void retriesStopAtTheirBoundAndTheLast429FailsAsRateLimited() throws Exception {
    startMock(new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0, 1.0, 3));
    StatsSnapshot stats = runOnMock(1, 2, """
        - request: {name: ask, path: /ask, retry: {times: 2, maxWait: 10ms}}
        """, "");

    assertThat(request(stats, "ask").failures()).isEqualTo(2);
    assertThat(failures(stats)).containsExactlyInAnyOrder(
        "ask rateLimited HTTP 429 Too Many Requests x2",
        "ask rateLimited HTTP 429, sent again (not counted as a failure) x4");
    assertThat(mock.requestCount() - 1).isEqualTo(6);
  }

  @Test
  void rateLimitedSuccessKeeps429OutOfTheErrorRateButListsThem() throws Exception {
    startMock(new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0, 1.0, 3));
    StatsSnapshot stats = runOnMock(1, 2, """
        - request: {name: ask, path: /ask}
        """, "    rateLimited: success\n");

    assertThat(stats.total().failures()).isZero();
    assertThat(failures(stats)).containsExactly(
        "ask rateLimited HTTP 429, counted as a success (rateLimited: success) x2");
  }

  // --- helpers ---

  private StatsSnapshot run(int users, int iterations, String steps) throws Exception {
    startMock(new MockSettings(new LatencyDistribution.Fixed(Duration.ofMillis(2)), 0, 0, 1));
    return runOnMock(users, iterations, steps, "");
  }

  private StatsSnapshot runOnMock(int users, int iterations, String steps, String scenarioKeys)
      throws Exception {
    String spec = "scenarios:\n  - name: s\n" + scenarioKeys + "    tasks:\n"
        + "      - name: t\n        steps:\n" + steps.indent(10);
    return execute(users, iterations, spec);
  }

  private StatsSnapshot runSpec(int users, int iterations, String spec) throws Exception {
    startMock(new MockSettings(new LatencyDistribution.Fixed(Duration.ofMillis(2)), 0, 0, 1));
    return execute(users, iterations, spec);
  }

  private StatsSnapshot execute(int users, int iterations, String body) throws Exception {
    String yaml = "name: flows\n"
        + "target: {baseUrl: " + mock.baseUri() + "}\n"
        + "preflight: {path: /health}\n"
        + "load: {users: " + users + ", iterations: " + iterations + ", hold: 20s}\n"
        + body;
    var document = new SpecLoader(Map.of()).loadTexts(List.of(Map.entry("flows.yaml", yaml)),
        List.of());
    TestPlan plan = new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
    RunListener listener = new RunListener() {
      @Override
      public void onWarning(String message) {
        warnings.add(message);
      }
    };
    RunOptions options = new RunOptions(Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO);
    return new LoadRunner(plan, mock.baseUri(), options, listener).run(new RunControl()).stats();
  }

  private void startMock(MockSettings settings) throws Exception {
    mock = MockServer.start(settings, "127.0.0.1", 0);
  }

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(mock.baseUri() + path)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static RequestSummary request(StatsSnapshot stats, String name) {
    return stats.requests().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no request " + name + " in " + describe(stats)));
  }

  private static List<String> failures(StatsSnapshot stats) {
    return stats.failures().stream().map(f -> f.request() + " " + f.kind().label() + " "
        + f.message() + " x" + f.count()).toList();
  }

  private static long count(StatsSnapshot stats, FailureKind kind) {
    return stats.failures().stream().filter(f -> f.kind() == kind)
        .mapToLong(FailureCount::count).sum();
  }

  private static String describe(StatsSnapshot stats) {
    return stats.requests().stream().map(r -> r.name() + "=" + r.requests() + "/"
        + r.failures()).toList() + " " + failures(stats);
  }
}
