package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.compile;
import static dev.loadtest.plan.PlanFixtures.firstRequest;
import static dev.loadtest.plan.PlanFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the llm:, scores: and LLM threshold parts of a spec compile, and what they refuse. */
class LlmPlanTest {

  private static final String HEAD = """
      name: llm
      target: {baseUrl: mock}
      load: {users: 1, hold: 1s}
      llm:
        model: cheap
        models:
          cheap: {inputPerMillion: 0.15, outputPerMillion: 0.60, cachedInputPerMillion: 0.075}
          big: {inputPerMillion: 2.5, outputPerMillion: 10}
      """;

  private static String request(String fields) {
    return """
        scenarios:
          - name: s
            tasks:
              - name: t
                request: {name: chat, method: POST, path: /v1/chat/completions, %s}
        """.formatted(fields);
  }

  @Test
  void aStreamedRequestIsBilledAsItsBodysModel() throws Exception {
    RequestPlan plan = firstRequest(compile(HEAD + request(
        "stream: sse, json: {model: big, stream: true}")), "s");

    assertThat(plan.llm().stream()).isEqualTo(LlmRequest.StreamFormat.SSE);
    assertThat(plan.llm().model()).isEqualTo("big");
    assertThat(plan.llm().priceOf("big").costPicoUsd(1_000_000, 0, 1_000_000))
        .as("2.5 + 10 dollars").isEqualTo(12_500_000_000_000L);
  }

  @Test
  void aTemplatedBodyModelFallsBackToTheDefaultModel() throws Exception {
    RequestPlan plan = firstRequest(compile(HEAD + request(
        "json: {model: \"${userId}\"}")), "s");

    assertThat(plan.llm().stream()).isEqualTo(LlmRequest.StreamFormat.NONE);
    assertThat(plan.llm().model()).isEqualTo("cheap");
  }

  @Test
  void ordinaryRequestsAreNotMeasured() throws Exception {
    String spec = """
        name: plain
        target: {baseUrl: mock}
        load: {users: 1, hold: 1s}
        """ + request("json: {model: any}");

    assertThat(firstRequest(compile(spec), "s").llm().measured()).isFalse();
  }

  @Test
  void cachedTokensAreBilledAtTheCachedPrice() {
    ModelPrice price = new ModelPrice(0.15, 0.60, 0.075);

    // 1000 prompt tokens of which 400 cached, 500 output: 600 x 0.15 + 400 x 0.075 + 500 x 0.6.
    assertThat(price.costPicoUsd(1000, 400, 500)).isEqualTo(
        600 * 150_000L + 400 * 75_000L + 500 * 600_000L);
  }

  @Test
  void versionedModelNamesArePricedByTheirPrefix() throws Exception {
    LlmRequest llm = firstRequest(compile(HEAD + request("stream: sse")), "s").llm();

    assertThat(llm.priceOf("big-2025-01-01")).isEqualTo(new ModelPrice(2.5, 10, 2.5));
    assertThat(llm.priceOf("unknown")).isEqualTo(ModelPrice.FREE);
  }

  @Test
  void scoresAndGoodputObjectivesCompile() throws Exception {
    TestPlan plan = compile(HEAD + """
        scores:
          userExperienceLatency: 5s
          goodput: {ttft: 500ms, tpot: 40ms}
        """ + request("stream: sse"));

    assertThat(plan.scores()).isEqualTo(new ScoreSettings(Duration.ofSeconds(5),
        Duration.ofMillis(500), Duration.ofMillis(40), Duration.ZERO));
    assertThat(plan.scores().meetsObjectives(400_000_000L, 30_000_000L, 9_000_000_000L))
        .isTrue();
    assertThat(plan.scores().meetsObjectives(600_000_000L, 30_000_000L, 1)).isFalse();
  }

  @Test
  void llmThresholdsCompileWithTheirUnits() throws Exception {
    TestPlan plan = compile(HEAD + request("stream: sse") + """
        thresholds:
          - {metric: ttft.p95, below: 1.5s}
          - {metric: tokensPerSecond.p50, above: 20}
          - {metric: costPerRequest, below: 0.002}
          - {metric: cacheHitRatio, above: 25%}
        """);

    assertThat(plan.thresholds()).extracting(Threshold::limit)
        .containsExactly(1500.0, 20.0, 0.002, 0.25);
    assertThat(plan.thresholds()).extracting(threshold -> threshold.metric().name())
        .containsExactly("ttft.p95", "tokensPerSecond.p50", "costPerRequest", "cacheHitRatio");
  }

  @Test
  void mistakesAreReportedWithTheirPlace() {
    // One spec, every mistake at once: an unpriced model, a unitless time limit, a cost that
    // is not a number, and an abort on a metric judged only at the end.
    assertThat(messages(HEAD + request("stream: sse, model: huge") + """
        thresholds:
          - {metric: ttft.p95, below: 500}
          - {metric: totalCost, below: 5%}
          - {metric: goodput, above: 1, abortOnFail: true}
        """)).containsExactly(
        "no price for model 'huge' under llm.models (models: cheap, big)",
        "a latency limit needs a unit, like 500ms or 2s, got '500'",
        "a cost limit is US dollars, like 0.002 or $0.002, got '5%'",
        "abortOnFail is not available for goodput; LLM metrics and scores are judged at the end"
            + " of the run");
  }
}
