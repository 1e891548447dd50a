package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the spec's {@code llm:} and {@code scores:} sections, and tells for each request
 * whether its answer is measured as an LLM answer: it declares {@code stream:} or
 * {@code model:}, or its JSON body names a {@code model} while the spec has an {@code llm:}
 * section. Not thread-safe; one per compilation.
 */
final class LlmCompiler {

  private final NodeReader reader;
  private final boolean hasSection;
  private final String defaultModel;
  private final Map<String, ModelPrice> prices;
  private final CacheRule cacheRule;
  private final ScoreSettings scores;

  /** @param root the spec's root, or empty to compile requests of a spec without one */
  LlmCompiler(NodeReader reader, Optional<MapNode> root) {
    this.reader = reader;
    Optional<MapNode> llm = root.flatMap(node -> reader.map(node, "llm"));
    this.hasSection = llm.isPresent();
    this.prices = llm.map(this::prices).orElse(Map.of());
    this.defaultModel = llm.map(node -> reader.text(node, "model", "")).orElse("");
    this.cacheRule = llm.flatMap(node -> reader.map(node, "cacheHit")).map(this::cacheRule)
        .orElse(new CacheRule.None());
    this.scores = root.flatMap(node -> reader.map(node, "scores")).map(this::scores)
        .orElse(ScoreSettings.DEFAULT);
    llm.flatMap(node -> reader.scalar(node, "model")).ifPresent(this::checkPriced);
  }

  ScoreSettings scores() {
    return scores;
  }

  /** How the answer of this request is read; {@link LlmRequest#NONE} for ordinary ones. */
  LlmRequest forRequest(MapNode request) {
    Optional<ScalarNode> stream = reader.scalar(request, "stream");
    Optional<ScalarNode> model = reader.scalar(request, "model");
    Optional<ScalarNode> bodyModel = reader.map(request, "json")
        .flatMap(json -> reader.scalar(json, "model"));
    if (stream.isEmpty() && model.isEmpty() && !(hasSection && bodyModel.isPresent())) {
      return LlmRequest.NONE;
    }
    model.ifPresent(this::checkPriced);
    String billedAs = model.map(ScalarNode::text)
        .or(() -> bodyModel.map(ScalarNode::text).filter(text -> !text.contains("${")))
        .orElse(defaultModel);
    bodyModel.filter(node -> model.isEmpty() && !node.text().contains("${"))
        .ifPresent(this::checkPriced);
    return new LlmRequest(format(stream), billedAs, prices, cacheRule, scores);
  }

  private static LlmRequest.StreamFormat format(Optional<ScalarNode> stream) {
    return stream.map(node -> node.text().equals("ndjson") ? LlmRequest.StreamFormat.NDJSON
        : LlmRequest.StreamFormat.SSE).orElse(LlmRequest.StreamFormat.NONE);
  }

  /** A model named without a price would silently cost nothing; prices present: say so. */
  private void checkPriced(ScalarNode model) {
    if (!prices.isEmpty() && prices.get(model.text()) == null) {
      reader.problem(model, "no price for model '" + model.text() + "' under llm.models"
          + " (models: " + String.join(", ", prices.keySet()) + ")");
    }
  }

  private Map<String, ModelPrice> prices(MapNode llm) {
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    reader.map(llm, "models").ifPresent(models -> models.fields().forEach((name, node) ->
        prices.put(name, price((MapNode) node))));
    return prices;
  }

  private ModelPrice price(MapNode node) {
    double input = number(node, "inputPerMillion");
    double output = number(node, "outputPerMillion");
    double cached = node.has("cachedInputPerMillion") ? number(node, "cachedInputPerMillion")
        : input;
    return new ModelPrice(input, output, cached);
  }

  private double number(MapNode node, String key) {
    return reader.scalar(node, key).filter(ScalarNode::isNumber).map(ScalarNode::asDouble)
        .orElse(0.0);
  }

  private CacheRule cacheRule(MapNode node) {
    String expected = reader.text(node, "equals", "");
    if (node.has("header")) {
      return new CacheRule.Header(reader.text(node, "header", ""), expected);
    }
    if (expected.isEmpty()) {
      reader.problem(node, "a cacheHit jsonPath needs 'equals', the value that means a hit");
    }
    return new CacheRule.JsonValue(JsonPath.parse(reader.text(node, "jsonPath", "$")), expected);
  }

  private ScoreSettings scores(MapNode node) {
    Optional<MapNode> goodput = reader.map(node, "goodput");
    Duration userExperience = reader.duration(node, "userExperienceLatency")
        .orElse(ScoreSettings.DEFAULT.userExperienceLatency());
    if (userExperience.isZero()) {
      reader.problem(node.field("userExperienceLatency").orElseThrow(),
          "userExperienceLatency must be above zero");
      userExperience = ScoreSettings.DEFAULT.userExperienceLatency();
    }
    return new ScoreSettings(userExperience, objective(goodput, "ttft"),
        objective(goodput, "tpot"), objective(goodput, "latency"));
  }

  private Duration objective(Optional<MapNode> goodput, String key) {
    return goodput.flatMap(node -> reader.duration(node, key)).orElse(Duration.ZERO);
  }

  @Override
  public String toString() {
    return "LlmCompiler[" + prices.size() + " priced models, default '" + defaultModel + "', "
        + cacheRule.describe() + ", " + scores.describe() + "]";
  }
}
