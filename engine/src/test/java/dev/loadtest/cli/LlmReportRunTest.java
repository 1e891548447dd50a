package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loadtest.report.SavedRun;
import dev.loadtest.report.SavedRunReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM side of a real run's reports: streamed answers from the built-in mock, whose answers
 * all have the same length and whose prompts the same size, so that token counts and cost are
 * known exactly. The page, the LLM CSV and summary.json must agree with each other and with
 * that arithmetic, and {@code report --from} must write the same LLM CSV again.
 */
class LlmReportRunTest {

  /** 16 output tokens per answer, at 400 tokens/s after a 20 ms first token. */
  private static final String SPEC = """
      name: llm-report
      seed: 3
      target: {baseUrl: mock}
      mock:
        llm:
          ttft: {fixed: 20ms}
          tokensPerSecond: 400
          outputTokens: 16
          model: m
      llm:
        model: m
        models:
          m: {inputPerMillion: 2, outputPerMillion: 10}
      load: {users: 2, rampUp: 0s, hold: 1500ms}
      scenarios:
        - name: chat
          tasks:
            - name: ask
              request:
                name: chat stream
                method: POST
                path: /v1/chat/completions
                stream: sse
                json:
                  model: m
                  stream: true
                  stream_options: {include_usage: true}
                  messages: [{role: user, content: "Say something."}]
      thresholds:
        - {metric: ttft.p95, below: 5s}
      """;

  private static final List<String> LLM_CSV_HEADER = List.of("Name", "Answers", "Token Source",
      "Input Tokens", "Output Tokens", "Cached Tokens", "TTFT p50", "TTFT p90", "TTFT p95",
      "TTFT p99", "ITL p50", "ITL p90", "ITL p95", "ITL p99", "TPOT p50", "TPOT p90",
      "TPOT p99", "Tokens/s p50", "Tokens/s p10", "Cost (USD)", "Cost per Answer (USD)",
      "Cache Hit Ratio", "Good Answers");

  @TempDir
  Path directory;

  @Test
  void pageCsvAndSummaryShowTheSameAnswersTokensAndCost() throws IOException {
    Path spec = directory.resolve("llm.yaml");
    Files.writeString(spec, SPEC);
    Path out = directory.resolve("out");

    CommandLineRunner.Outcome run = CommandLineRunner.run("run", "-f", spec.toString(),
        "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode llm = JsonMapper.builder().build()
        .readTree(Files.readString(out.resolve("summary.json"))).get("llm").get("totals");
    long answers = llm.get("answers").asLong();
    long inputTokens = llm.get("inputTokens").asLong();
    assertThat(answers).isPositive();
    assertThat(llm.get("tokenSource").asString()).isEqualTo("usage");
    assertThat(llm.get("outputTokens").asLong()).isEqualTo(16 * answers);
    assertThat(inputTokens).isPositive();
    // $2 per million input tokens, $10 per million output tokens.
    BigDecimal cost = BigDecimal.valueOf(2 * inputTokens + 10 * 16 * answers)
        .movePointLeft(6);
    assertThat(BigDecimal.valueOf(llm.get("costUsd").asDouble())).isEqualByComparingTo(cost);

    Csv table = csv(out.resolve("loadtest_llm_stats.csv"));
    assertThat(table.header()).isEqualTo(LLM_CSV_HEADER);
    assertThat(table.rows()).extracting(row -> row.get("Name"))
        .containsExactly("chat stream", "Aggregated");
    CSVRecord aggregated = table.rows().get(1);
    assertThat(Long.parseLong(aggregated.get("Answers"))).isEqualTo(answers);
    assertThat(Long.parseLong(aggregated.get("Output Tokens"))).isEqualTo(16 * answers);
    assertThat(new BigDecimal(aggregated.get("Cost (USD)"))).isEqualByComparingTo(cost);
    // The first token after the mock's 20 ms, never sooner.
    assertThat(Double.parseDouble(aggregated.get("TTFT p50"))).isBetween(20.0, 1000.0);

    String page = Files.readString(out.resolve("report.html"));
    assertThat(page).contains("TTFT p50", "TTFT p95", "ITL p95", "chat stream",
        "Cost per request", "PASS", "alt=\"Time to first token over time, streamed answers\"",
        "alt=\"Output tokens per second\"");
    assertThat(out.resolve("charts/ttft.png")).isNotEmptyFile();
    assertThat(out.resolve("charts/tokens.png")).isNotEmptyFile();
    // Over time, the intervals' tokens add up to every answer's 16, and no TTFT beats 20 ms.
    SavedRun saved = SavedRunReader.read(out);
    assertThat(outputTokens(saved)).isCloseTo(16.0 * answers, within(1e-6 * answers));
    assertThat(java.util.Arrays.stream(saved.llmTimeline().ttftP50Millis())
        .filter(value -> !Double.isNaN(value)).boxed().toList())
        .isNotEmpty().allSatisfy(value -> assertThat(value).isGreaterThanOrEqualTo(20.0));

    // Re-rendered from the saved results: the same LLM figures, to the byte.
    Path again = directory.resolve("again");
    CommandLineRunner.Outcome report = CommandLineRunner.run("report", "--from", out.toString(),
        "--out", again.toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(Files.readString(again.resolve("loadtest_llm_stats.csv")))
        .isEqualTo(Files.readString(out.resolve("loadtest_llm_stats.csv")));
  }

  @Test
  void workersTokensAndTtftOverTimeAddUpInTheMerge() throws IOException {
    Path spec = directory.resolve("llm.yaml");
    Files.writeString(spec, SPEC);
    List<String> args = new ArrayList<>(List.of("merge"));
    double workersTokens = 0;
    long workersTtfts = 0;
    for (int worker = 1; worker <= 2; worker++) {
      Path out = directory.resolve("worker-" + worker);
      CommandLineRunner.Outcome run = CommandLineRunner.run("run", "-f", spec.toString(),
          "--out", out.toString(), "--segment", worker + "/2");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      SavedRun saved = SavedRunReader.read(out);
      workersTokens += outputTokens(saved);
      workersTtfts += saved.stats().llm().total().ttft().getTotalCount();
      args.add(out.toString());
    }
    Path merged = directory.resolve("merged");
    args.addAll(List.of("--out", merged.toString()));

    CommandLineRunner.Outcome merge = CommandLineRunner.run(args.toArray(String[]::new));

    assertThat(merge.exitCode()).as(merge.toString()).isZero();
    SavedRun whole = SavedRunReader.read(merged);
    assertThat(outputTokens(whole)).isCloseTo(workersTokens, within(1e-6 * workersTokens))
        .isCloseTo(16.0 * workersTtfts, within(1e-6 * workersTokens));
    assertThat(merged.resolve("charts/ttft.png")).isNotEmptyFile();
  }

  /** Output tokens over the whole timeline: each interval's rate times its length. */
  private static double outputTokens(SavedRun run) {
    double[] perSecond = run.llmTimeline().outputTokensPerSecond();
    double tokens = 0;
    for (int i = 0; i < perSecond.length; i++) {
      tokens += perSecond[i] * run.intervals().get(i).lengthNanos() / 1e9;
    }
    return tokens;
  }

  private record Csv(List<String> header, List<CSVRecord> rows) {}

  private static Csv csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .get().parse(reader)) {
      return new Csv(parser.getHeaderNames(), parser.getRecords());
    }
  }
}
