package dev.loadtest.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping with string keys, in the order they were written. Keeps where each key was
 * written so that an unknown or misplaced key can be pointed at.
 */
public record MapNode(
    Map<String, SpecNode> fields,
    Map<String, SourceLocation> keyLocations,
    SourceLocation location,
    String path) implements SpecNode {

  public MapNode {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
  }

  /** The value of a field, if the user wrote it. */
  public Optional<SpecNode> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public boolean has(String key) {
    return fields.containsKey(key);
  }

  /** Where a key was written; the mapping's own location if the key is absent. */
  public SourceLocation keyLocation(String key) {
    return keyLocations.getOrDefault(key, location);
  }

  @Override
  public String kindDescription() {
    return "a mapping";
  }

  @Override
  public String toString() {
    return "MapNode[" + (path.isEmpty() ? "<root>" : path) + " " + fields.keySet() + " at "
        + location + "]";
  }
}
