package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import java.time.Duration;
import java.util.Optional;

/** Compiles the spec's {@code mock:} section into {@link MockSettings}. */
final class MockCompiler {

  private MockCompiler() {}

  static MockSettings compile(NodeReader reader, MapNode root) {
    Optional<MapNode> mock = reader.map(root, "mock");
    if (mock.isEmpty()) {
      return MockSettings.DEFAULT;
    }
    MapNode node = mock.get();
    double errorRate = reader.scalar(node, "errorRate").map(reader::fraction).orElse(0.0);
    double rateLimitRate = reader.scalar(node, "rateLimitRate").map(reader::fraction).orElse(0.0);
    if (errorRate + rateLimitRate > 1) {
      reader.problem(node, "errorRate + rateLimitRate is above 100%");
      return MockSettings.DEFAULT;
    }
    long seed = reader.scalar(node, "seed").map(ScalarNode::asLong).orElse(1L);
    return new MockSettings(latency(reader, node), errorRate, rateLimitRate, seed,
        stall(reader, node), llm(reader, node));
  }

  /** {@code mock.llm}: what /v1/chat/completions does; unset values keep their defaults. */
  private static LlmMockSettings llm(NodeReader reader, MapNode mock) {
    Optional<MapNode> llm = reader.map(mock, "llm");
    if (llm.isEmpty()) {
      return LlmMockSettings.DEFAULT;
    }
    MapNode node = llm.get();
    LlmMockSettings defaults = LlmMockSettings.DEFAULT;
    LatencyDistribution ttft = node.has("ttft") ? distribution(reader,
        reader.map(node, "ttft").orElseThrow()) : defaults.ttft();
    double tokensPerSecond = reader.scalar(node, "tokensPerSecond").map(ScalarNode::asDouble)
        .orElse(defaults.tokensPerSecond());
    int min = defaults.minOutputTokens();
    int max = defaults.maxOutputTokens();
    if (node.field("outputTokens").orElse(null) instanceof ScalarNode fixed) {
      min = (int) fixed.asLong();
      max = min;
    } else if (node.field("outputTokens").orElse(null) instanceof MapNode range) {
      min = (int) reader.integer(range, "min", 1);
      max = (int) reader.integer(range, "max", min);
      if (max < min) {
        reader.problem(range, "outputTokens max " + max + " is below min " + min);
        max = min;
      }
    }
    double cacheHitRate = reader.scalar(node, "cacheHitRate").map(reader::fraction).orElse(0.0);
    return new LlmMockSettings(ttft, tokensPerSecond, min, max, cacheHitRate,
        reader.text(node, "model", defaults.model()));
  }

  private static MockSettings.Stall stall(NodeReader reader, MapNode mock) {
    Optional<MapNode> stall = reader.map(mock, "stall");
    if (stall.isEmpty()) {
      return MockSettings.Stall.NONE;
    }
    Duration every = reader.duration(stall.get(), "every").orElseThrow();
    Duration length = reader.duration(stall.get(), "length").orElseThrow();
    if (length.compareTo(every) >= 0) {
      reader.problem(stall.get(), "a stall's length must be shorter than its period (every)");
      return MockSettings.Stall.NONE;
    }
    return new MockSettings.Stall(every, length);
  }

  private static LatencyDistribution latency(NodeReader reader, MapNode mock) {
    Optional<MapNode> latency = reader.map(mock, "latency");
    if (latency.isEmpty()) {
      return new LatencyDistribution.Fixed(Duration.ZERO);
    }
    return distribution(reader, latency.get());
  }

  private static LatencyDistribution distribution(NodeReader reader, MapNode node) {
    if (node.has("fixed")) {
      return new LatencyDistribution.Fixed(reader.duration(node, "fixed").orElseThrow());
    }
    if (node.has("uniform")) {
      MapNode uniform = reader.map(node, "uniform").orElseThrow();
      Duration min = reader.duration(uniform, "min").orElseThrow();
      Duration max = reader.duration(uniform, "max").orElseThrow();
      if (max.compareTo(min) < 0) {
        reader.problem(uniform, "max is below min");
        return new LatencyDistribution.Fixed(min);
      }
      return new LatencyDistribution.Uniform(min, max);
    }
    MapNode logNormal = reader.map(node, "logNormal").orElseThrow();
    Duration median = reader.duration(logNormal, "median").orElseThrow();
    Duration p99 = reader.duration(logNormal, "p99").orElseThrow();
    if (median.isZero() || p99.compareTo(median) < 0) {
      reader.problem(logNormal, "logNormal needs 0 < median <= p99");
      return new LatencyDistribution.Fixed(median);
    }
    return new LatencyDistribution.LogNormal(median, p99);
  }
}
