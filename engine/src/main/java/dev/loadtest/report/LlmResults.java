package dev.loadtest.report;

import dev.loadtest.plan.ScoreSettings;
import dev.loadtest.stats.LlmSnapshot;
import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.LlmTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves the LLM side of a run ({@code llm-results.json}) beside {@code results.json}, so that
 * {@code report --from} renders TTFT, tokens and cost exactly as the run did. Histograms are
 * HdrHistogram's compressed encoding in base64. Written when the run had LLM answers or
 * scores other than the defaults.
 * Stateless.
 */
public final class LlmResults {

  public static final String FILE_NAME = "llm-results.json";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int FORMAT = 1;

  private LlmResults() {}

  /** Writes the file when there is something to keep; returns it, or empty. */
  public static List<Path> write(Path directory, LlmSnapshot llm) throws IOException {
    if (!llm.present() && llm.scores().equals(ScoreSettings.DEFAULT)) {
      return List.of();
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode scores = root.putObject("scores");
    scores.put("userExperienceLatencyNanos", llm.scores().userExperienceLatency().toNanos());
    scores.put("ttftObjectiveNanos", llm.scores().ttftObjective().toNanos());
    scores.put("tpotObjectiveNanos", llm.scores().tpotObjective().toNanos());
    scores.put("latencyObjectiveNanos", llm.scores().latencyObjective().toNanos());
    llm.requests().forEach(summary -> summary(root.withArray("requests").addObject(), summary));
    return List.of(AtomicFiles.writeString(directory.resolve(FILE_NAME),
        JSON.writeValueAsString(root) + "\n"));
  }

  /** The saved LLM side, or {@link LlmSnapshot#EMPTY} when the run had none. */
  public static LlmSnapshot read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isReadable(file)) {
      return LlmSnapshot.EMPTY;
    }
    JsonNode root = JSON.readTree(Files.readString(file));
    if (root.path("format").asInt() != FORMAT) {
      throw new IOException(file + " has an unknown format; it was written by another version");
    }
    JsonNode scores = root.path("scores");
    ScoreSettings settings = new ScoreSettings(nanos(scores, "userExperienceLatencyNanos"),
        nanos(scores, "ttftObjectiveNanos"), nanos(scores, "tpotObjectiveNanos"),
        nanos(scores, "latencyObjectiveNanos"));
    List<LlmSummary> requests = new ArrayList<>();
    LlmSummary total = LlmSummary.empty("Aggregated");
    for (JsonNode node : root.path("requests")) {
      LlmSummary summary = summary(node);
      requests.add(summary);
      total = total.plus(summary, total.name());
    }
    return new LlmSnapshot(requests, total, settings);
  }

  private static void summary(ObjectNode node, LlmSummary summary) {
    node.put("name", summary.name());
    node.put("ttft", encode(summary.ttft()));
    node.put("interToken", encode(summary.interToken()));
    node.put("timePerOutputToken", encode(summary.timePerOutputToken()));
    node.put("milliTokensPerSecond", encode(summary.milliTokensPerSecond()));
    node.put("outputTokens", encode(summary.outputTokens()));
    LlmTotals totals = summary.totals();
    ObjectNode counts = node.putObject("totals");
    counts.put("requests", totals.requests());
    counts.put("inputTokens", totals.inputTokens());
    counts.put("outputTokens", totals.outputTokens());
    counts.put("cachedTokens", totals.cachedTokens());
    counts.put("cachedTokensReported", totals.cachedTokensReported());
    counts.put("fromUsage", totals.fromUsage());
    counts.put("fromChunks", totals.fromChunks());
    counts.put("costPicoUsd", totals.costPicoUsd());
    counts.put("cacheHits", totals.cacheHits());
    counts.put("cacheChecked", totals.cacheChecked());
    counts.put("good", totals.good());
  }

  private static LlmSummary summary(JsonNode node) throws IOException {
    JsonNode counts = node.path("totals");
    LlmTotals totals = new LlmTotals(counts.path("requests").asLong(),
        counts.path("inputTokens").asLong(), counts.path("outputTokens").asLong(),
        counts.path("cachedTokens").asLong(), counts.path("cachedTokensReported").asLong(),
        counts.path("fromUsage").asLong(), counts.path("fromChunks").asLong(),
        counts.path("costPicoUsd").asLong(), counts.path("cacheHits").asLong(),
        counts.path("cacheChecked").asLong(), counts.path("good").asLong());
    return new LlmSummary(node.path("name").asString(), decode(node, "ttft"),
        decode(node, "interToken"), decode(node, "timePerOutputToken"),
        decode(node, "milliTokensPerSecond"), decode(node, "outputTokens"), totals);
  }

  private static String encode(Histogram histogram) {
    return HistogramCodec.encode(histogram);
  }

  private static Histogram decode(JsonNode node, String field) throws IOException {
    return HistogramCodec.decode(node.path(field).asString(), field + " in " + FILE_NAME);
  }

  private static Duration nanos(JsonNode scores, String field) {
    return Duration.ofNanos(scores.path(field).asLong());
  }
}
