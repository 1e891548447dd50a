package dev.loadtest.report;

import dev.loadtest.plan.Threshold;
import dev.loadtest.plan.ThresholdMetric;
import dev.loadtest.plan.ThresholdScope;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves compiled thresholds in {@code results.json} and reads them back, so that
 * {@code loadtest report --from} judges a run exactly as the run did, without the spec.
 * Stateless.
 */
final class ThresholdCodec {

  private ThresholdCodec() {}

  static void write(ArrayNode array, List<Threshold> thresholds) {
    for (Threshold threshold : thresholds) {
      ObjectNode node = array.addObject();
      node.put("metric", threshold.metric().name());
      if (threshold.scope() instanceof ThresholdScope.OneRequest one) {
        node.put("request", one.name());
      }
      node.put("comparison", threshold.comparison().name());
      node.put("limit", threshold.limit());
      node.put("written", threshold.written());
      node.put("abortOnFail", threshold.abortOnFail());
      node.put("abortAfterMillis", threshold.abortAfter().toMillis());
    }
  }

  /** @param requestNames the run's request names, whose order gives scoped thresholds' keys */
  static List<Threshold> read(JsonNode array, List<String> requestNames) {
    List<Threshold> thresholds = new java.util.ArrayList<>();
    for (JsonNode node : array) {
      thresholds.add(readOne(node, requestNames));
    }
    return thresholds;
  }

  private static Threshold readOne(JsonNode node, List<String> requestNames) {
    ThresholdScope scope = new ThresholdScope.AllRequests();
    if (node.has("request")) {
      String name = node.get("request").asString();
      int key = requestNames.indexOf(name);
      if (key < 0) {
        throw new IllegalArgumentException("threshold on unknown request '" + name + "'");
      }
      scope = new ThresholdScope.OneRequest(name, key);
    }
    return new Threshold(metric(node.get("metric").asString()), scope,
        Threshold.Comparison.valueOf(node.get("comparison").asString()),
        node.get("limit").asDouble(), node.get("abortOnFail").asBoolean(),
        Duration.ofMillis(node.get("abortAfterMillis").asLong()),
        node.get("written").asString());
  }

  /** The metric a spec names, exactly as the plan compiler builds it. */
  static ThresholdMetric metric(String name) {
    return ThresholdMetric.named(name);
  }
}
