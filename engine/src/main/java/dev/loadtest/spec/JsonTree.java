package dev.loadtest.spec;

import com.networknt.schema.path.NodePath;
import java.math.BigInteger;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bridges the spec tree and the JSON tree the schema validator reads: converts one into the
 * other, and finds the spec node a validator error points at. Stateless and thread-safe.
 */
final class JsonTree {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonTree() {}

  /** The spec tree as JSON, scalars typed as the YAML core schema typed them. */
  static JsonNode toJson(SpecNode node) {
    if (node instanceof MapNode map) {
      ObjectNode object = FACTORY.objectNode();
      map.fields().forEach((key, value) -> object.set(key, toJson(value)));
      return object;
    }
    if (node instanceof ListNode list) {
      ArrayNode array = FACTORY.arrayNode();
      list.elements().forEach(element -> array.add(toJson(element)));
      return array;
    }
    return scalarToJson((ScalarNode) node);
  }

  private static JsonNode scalarToJson(ScalarNode scalar) {
    return switch (scalar.type()) {
      case STRING -> FACTORY.stringNode(scalar.text());
      case INTEGER -> integerToJson(new BigInteger(scalar.text().replace("_", "")));
      case FLOAT -> FACTORY.numberNode(scalar.asDouble());
      case BOOLEAN -> FACTORY.booleanNode(scalar.asBoolean());
      case NULL -> FACTORY.nullNode();
    };
  }

  private static JsonNode integerToJson(BigInteger value) {
    return value.bitLength() < Long.SIZE
        ? FACTORY.numberNode(value.longValue())
        : FACTORY.numberNode(value);
  }

  /**
   * The spec node at a validator's instance location. The deepest existing ancestor if the
   * location goes past the tree, which the validator never does for nodes it read.
   */
  static SpecNode find(SpecNode root, NodePath location) {
    SpecNode node = root;
    for (int i = 0; i < location.getNameCount(); i++) {
      Optional<SpecNode> child = child(node, location.getElement(i));
      if (child.isEmpty()) {
        return node;
      }
      node = child.get();
    }
    return node;
  }

  private static Optional<SpecNode> child(SpecNode node, Object element) {
    if (node instanceof MapNode map) {
      return map.field(String.valueOf(element));
    }
    String text = String.valueOf(element);
    if (node instanceof ListNode list && text.matches("[0-9]{1,9}")) {
      int index = Integer.parseInt(text);
      return index < list.elements().size()
          ? Optional.of(list.elements().get(index))
          : Optional.empty();
    }
    return Optional.empty();
  }
}
