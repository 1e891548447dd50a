package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.LlmMockSettings;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.stats.FailureCount;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdEvaluator;
import dev.loadtest.stats.ThresholdResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Streamed and non-streamed LLM answers from the built-in mock over real HTTP on loopback, with
 * known timing: what TTFT, token gaps, token counts, cost and failures the engine reports.
 */
class StreamingLlmTest {

  /** The mock's prompt-token estimate: a quarter of the messages' compact JSON. */
  private static final String MESSAGES_JSON = "[{\"role\":\"user\",\"content\":\"Hello there\"}]";
  private static final long PROMPT_TOKENS = MESSAGES_JSON.length() / 4;

  @Test
  void knownTimingGivesTtftTokensPerSecondTokensAndCost() throws Exception {
    // TTFT 300 ms, then 50 tokens/s for 100 tokens: each answer takes 0.3 + 99 / 50 = 2.28 s.
    // Ten users ask three times: most answers reuse the connection opened for the first, so
    // the median is not a connection's set-up time.
    LlmMockSettings llm = new LlmMockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(300)), 50, 100, 100, 1.0, "gpt-test");
    warmUp();
    try (MockServer mock = MockServer.start(settings(llm))) {
      StatsSnapshot stats = run(mock, """
          llm:
            models:
              gpt-test: {inputPerMillion: 300, outputPerMillion: 1000, cachedInputPerMillion: 100}
            cacheHit: {header: X-Cache, equals: HIT}
          load: {users: 10, iterations: 3}
          scenarios:
            - name: chat
              tasks:
                - name: ask
                  request:
                    name: chat
                    method: POST
                    path: /v1/chat/completions
                    stream: sse
                    json:
                      model: gpt-test
                      stream: true
                      stream_options: {include_usage: true}
                      messages: [{role: user, content: Hello there}]
          thresholds:
            - {metric: ttft.p50, below: 315ms}
            - {metric: totalCost, below: 5}
          """);

      assertThat(stats.total().failures()).as("failures: %s", stats.failures()).isZero();
      LlmSummary chat = stats.llm().request("chat");
      LlmTotals totals = chat.totals();
      assertThat(totals.requests()).isEqualTo(30);
      assertThat(totals.outputTokens()).isEqualTo(30 * 100);
      assertThat(totals.inputTokens()).isEqualTo(30 * PROMPT_TOKENS);
      assertThat(totals.cachedTokens()).isEqualTo(30 * PROMPT_TOKENS);
      assertThat(totals.tokenSource()).isEqualTo("usage");
      assertThat(totals.cacheHitRatio()).isEqualTo(1.0);

      assertThat(LlmSummary.millis(chat.ttft(), 50)).isCloseTo(300, within(15.0));
      assertThat(chat.tokensPerSecond(50)).isCloseTo(100 / 2.28, within(100 / 2.28 * 0.05));
      assertThat(LlmSummary.millis(chat.timePerOutputToken(), 50)).isCloseTo(20, within(1.0));
      assertThat(LlmSummary.millis(chat.interToken(), 50)).isCloseTo(20, within(1.0));
      assertThat(chat.interToken().getTotalCount()).as("gaps: 99 per answer")
          .isEqualTo(30 * 99);

      // Every prompt token was cached: 30 x (tokens x $100 + 100 x $1000) per million.
      long expectedPico = 30 * (PROMPT_TOKENS * 100_000_000L + 100 * 1_000_000_000L);
      assertThat(totals.costPicoUsd()).isEqualTo(expectedPico);
      assertThat(Math.round(totals.costUsd() * 100)).isEqualTo(Math.round(expectedPico / 1e10));

      List<ThresholdResult> verdicts = ThresholdEvaluator.evaluate(planOf(mock).thresholds(),
          stats);
      assertThat(verdicts).allMatch(ThresholdResult::passed);
      assertThat(scrape(mock)).as("the mock counts the tokens it streamed")
          .contains("\nmock_streamed_tokens_total 3000.0\n");
    }
  }

  /** The mock's own Prometheus text, read over HTTP as a monitor would. */
  private static String scrape(MockServer mock) throws Exception {
    HttpRequest metrics = HttpRequest.newBuilder(mock.baseUri().resolve("/metrics")).build();
    return HttpClient.newHttpClient().send(metrics, BodyHandlers.ofString()).body();
  }

  @Test
  void brokenStreamsAreFailuresWithReasonsAndPlainAnswersAreRead() throws Exception {
    LlmMockSettings llm = new LlmMockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(5)), 2000, 20, 20, 0, "gpt-test");
    try (MockServer mock = MockServer.start(settings(llm))) {
      StatsSnapshot stats = run(mock, """
          llm:
            models:
              gpt-test: {inputPerMillion: 1, outputPerMillion: 2}
          load: {users: 1, iterations: 1}
          scenarios:
            - name: faults
              tasks:
                - name: all
                  requests:
                    - {name: cut, method: POST, path: /v1/chat/completions, stream: sse,
                       headers: {X-Mock-Fault: cut}, json: {model: gpt-test, stream: true}}
                    - {name: bad json, method: POST, path: /v1/chat/completions, stream: sse,
                       headers: {X-Mock-Fault: bad-json}, json: {model: gpt-test, stream: true}}
                    - {name: no content, method: POST, path: /v1/chat/completions,
                       stream: sse, headers: {X-Mock-Fault: no-content},
                       json: {model: gpt-test, stream: true}}
                    - {name: plain, method: POST, path: /v1/chat/completions,
                       json: {model: gpt-test, messages: [{role: user, content: Hello there}]}}
          """);

      assertThat(messageOf(stats, "cut")).startsWith("the stream was cut after 11 events,"
          + " before data: [DONE]");
      assertThat(messageOf(stats, "bad json")).startsWith("event 12 is not valid JSON");
      assertThat(messageOf(stats, "no content"))
          .isEqualTo("the stream ended after 2 events without any content");
      assertThat(stats.failures()).extracting(FailureCount::kind).containsOnly(FailureKind.STREAM);

      LlmTotals plain = stats.llm().request("plain").totals();
      assertThat(plain.requests()).isEqualTo(1);
      assertThat(plain.outputTokens()).isEqualTo(20);
      assertThat(plain.inputTokens()).isEqualTo(PROMPT_TOKENS);
      assertThat(plain.costPicoUsd()).isEqualTo(PROMPT_TOKENS * 1_000_000L + 20 * 2_000_000L);
      assertThat(stats.llm().request("plain").ttft().getTotalCount())
          .as("no TTFT without a stream").isZero();
    }
  }

  /**
   * Loads and compiles the classes of both sides with a few quick answers first: twenty users
   * starting together would otherwise all wait on class loading, adding ~250 ms to every TTFT.
   */
  private void warmUp() throws Exception {
    LlmMockSettings quick = new LlmMockSettings(
        new LatencyDistribution.Fixed(Duration.ofMillis(1)), 5000, 50, 50, 0, "gpt-test");
    try (MockServer mock = MockServer.start(settings(quick))) {
      run(mock, """
          load: {users: 20, iterations: 3}
          scenarios:
            - name: warm
              tasks:
                - name: ask
                  request: {method: POST, path: /v1/chat/completions, stream: sse,
                            json: {stream: true, messages: [{role: user, content: Hi}]}}
          """);
    }
  }

  private static String messageOf(StatsSnapshot stats, String request) {
    return stats.failures().stream().filter(failure -> failure.request().equals(request))
        .map(FailureCount::message).findFirst().orElse("(no failure)");
  }

  private static MockSettings settings(LlmMockSettings llm) {
    return new MockSettings(new LatencyDistribution.Fixed(Duration.ZERO), 0, 0, 3,
        MockSettings.Stall.NONE, llm);
  }

  private String body;

  private StatsSnapshot run(MockServer mock, String spec) throws Exception {
    body = spec;
    TestPlan plan = planOf(mock);
    RunOptions options = new RunOptions(Duration.ofMillis(200), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    return new LoadRunner(plan, mock.baseUri(), options, RunListener.NONE)
        .run(new RunControl()).stats();
  }

  private TestPlan planOf(MockServer mock) throws Exception {
    String yaml = "name: llm\ntarget: {baseUrl: " + mock.baseUri() + "}\n" + body;
    var document = new SpecLoader(Map.of()).loadTexts(List.of(Map.entry("llm.yaml", yaml)),
        List.of());
    return new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
  }
}
