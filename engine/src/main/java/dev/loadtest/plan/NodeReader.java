package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.Quantities;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import dev.loadtest.spec.SpecProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values out of a schema-checked spec tree, recording a problem (and returning a
 * harmless default) instead of throwing, so that the compiler reports every mistake at once.
 */
final class NodeReader {

  private final List<SpecProblem> problems = new ArrayList<>();

  List<SpecProblem> problems() {
    return problems;
  }

  void problem(SpecNode node, String message) {
    problems.add(SpecProblem.at(node, message));
  }

  Optional<MapNode> map(MapNode parent, String key) {
    return parent.field(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }

  List<SpecNode> list(MapNode parent, String key) {
    return parent.field(key).filter(ListNode.class::isInstance)
        .map(node -> ((ListNode) node).elements()).orElse(List.of());
  }

  Optional<ScalarNode> scalar(MapNode parent, String key) {
    return parent.field(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
  }

  String text(MapNode parent, String key, String fallback) {
    return scalar(parent, key).map(ScalarNode::text).orElse(fallback);
  }

  long integer(MapNode parent, String key, long fallback) {
    return scalar(parent, key).filter(ScalarNode::isNumber).map(ScalarNode::asLong)
        .orElse(fallback);
  }

  boolean bool(MapNode parent, String key, boolean fallback) {
    return scalar(parent, key).map(ScalarNode::asBoolean).orElse(fallback);
  }

  Optional<Duration> duration(MapNode parent, String key) {
    return scalar(parent, key).map(this::duration);
  }

  Duration duration(ScalarNode node) {
    try {
      return Quantities.parseDuration(node.text());
    } catch (IllegalArgumentException e) {
      problem(node, e.getMessage());
      return Duration.ZERO;
    }
  }

  /** A share written as {@code 0.01} or {@code 1%}. */
  double fraction(ScalarNode node) {
    if (Quantities.isPercent(node.text())) {
      return Quantities.parsePercent(node.text());
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    problem(node, "expected a share like 0.01 or 1%, got '" + node.text() + "'");
    return 0;
  }
}
