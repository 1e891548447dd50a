package dev.loadtest.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Says in plain English what a piece of the schema expects: "a duration with a unit, like 500ms
 * or 2s" rather than a regular expression. Stateless and thread-safe.
 */
final class SchemaPhrases {

  static final String DURATION = "a duration with a unit, like 500ms or 2s";

  // Keyed by the schema's own regular expressions; an unknown pattern is shown as it is.
  private static final Map<String, String> PATTERNS = Map.of(
      "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$", DURATION,
      "^[0-9]+(\\.[0-9]+)?%$", "a percentage like 0.5%",
      "^/", "a path starting with /",
      "^[1-5]xx$", "a status class like 2xx",
      "^(mock|https?://[^\\s]+)$", "a URL like http://localhost:8080, or 'mock'",
      "^\\$(\\.[A-Za-z_][A-Za-z0-9_-]*|\\[[0-9]+\\])*$", "a JSON path like $.items[0].id",
      "^(latency\\.(avg|min|max|p[0-9]{1,2}(\\.[0-9]+)?)|errorRate|rps)$",
      "a metric: latency.avg, latency.min, latency.max, latency.pNN (like latency.p95), "
          + "errorRate or rps",
      "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", "an HTTP header name (no spaces or ':')",
      "^[a-z_][A-Za-z0-9_]*$",
      "a name that starts with a lower-case letter or _ and holds only letters, digits and _");

  private SchemaPhrases() {}

  /** The phrase for a regular expression from the schema. */
  static String pattern(String regex) {
    return PATTERNS.getOrDefault(regex, "text matching " + regex);
  }

  /** The phrase for a JSON type name, or for a list of them. */
  static String types(JsonNode type) {
    List<String> phrases = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(each -> phrases.add(type(each.asString())));
    } else {
      phrases.add(type(type.asString()));
    }
    return joinOr(phrases);
  }

  private static String type(String name) {
    return switch (name) {
      case "string" -> "text";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true/false";
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "null" -> "an empty value";
      default -> name;
    };
  }

  /** What a resolved schema accepts, as one or more alternatives. */
  static List<String> alternatives(SpecSchema schema, JsonNode node) {
    JsonNode resolved = schema.resolve(node);
    if (resolved.has("oneOf")) {
      List<String> all = new ArrayList<>();
      resolved.get("oneOf").forEach(branch -> all.addAll(alternatives(schema, branch)));
      return all;
    }
    return List.of(single(resolved));
  }

  private static String single(JsonNode node) {
    if (node.has("pattern")) {
      return pattern(node.get("pattern").asString());
    }
    if (node.has("enum")) {
      return "one of " + String.join(", ", SpecSchema.strings(node.get("enum")));
    }
    boolean object = !node.has("type") || "object".equals(node.get("type").asString());
    if (node.has("required") && object) {
      return quotedAnd(SpecSchema.strings(node.get("required")));
    }
    String type = node.has("type") ? types(node.get("type")) : "a value";
    return type + range(node);
  }

  private static String range(JsonNode node) {
    if (node.has("minimum") && node.has("maximum")) {
      return " from " + node.get("minimum") + " to " + node.get("maximum");
    }
    if (node.has("exclusiveMinimum")) {
      return " above " + node.get("exclusiveMinimum");
    }
    return node.has("minimum") ? " of at least " + node.get("minimum") : "";
  }

  /** "a", "a or b", "a, b or c". */
  static String joinOr(List<String> phrases) {
    return join(phrases, " or ");
  }

  /** "'a' + 'b'": keys that must be written together. */
  static String quotedAnd(List<String> keys) {
    List<String> quoted = keys.stream().map(key -> "'" + key + "'").toList();
    return String.join(" + ", quoted);
  }

  // A serial comma before the last item keeps phrases that hold commas themselves apart.
  private static String join(List<String> phrases, String last) {
    List<String> distinct = phrases.stream().distinct().toList();
    if (distinct.size() <= 1) {
      return distinct.isEmpty() ? "" : distinct.get(0);
    }
    String head = String.join(", ", distinct.subList(0, distinct.size() - 1));
    String separator = distinct.size() > 2 ? "," + last : last;
    return head + separator + distinct.get(distinct.size() - 1);
  }
}
