package dev.loadtest.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A simple path into a JSON document: {@code $.a.b}, {@code $.items[0].id}. Deliberately small:
 * fields and indexes cover what checks and extractions need without a query language.
 *
 * @param source the path as written
 * @param segments field names (String) and indexes (Integer), in order
 */
public record JsonPath(String source, List<Object> segments) {

  public JsonPath {
    segments = List.copyOf(segments);
  }

  /** Parses a path the schema has already shaped as {@code $(.name|[n])*}. */
  public static JsonPath parse(String source) {
    if (!source.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with $, like $.data.id");
    }
    List<Object> segments = new ArrayList<>();
    int at = 1;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '.') {
        int end = at + 1;
        while (end < source.length() && source.charAt(end) != '.' && source.charAt(end) != '[') {
          end++;
        }
        segments.add(source.substring(at + 1, end));
        at = end;
      } else if (c == '[') {
        int end = source.indexOf(']', at);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed [ in JSON path " + source);
        }
        segments.add(Integer.parseInt(source.substring(at + 1, end)));
        at = end + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' in JSON path " + source);
      }
    }
    return new JsonPath(source, segments);
  }

  /** The node at this path, if every step exists. */
  public Optional<JsonNode> find(JsonNode root) {
    JsonNode node = root;
    for (Object segment : segments) {
      node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
      if (node == null || node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }
}
