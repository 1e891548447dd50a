package dev.loadtest.spec;

import java.util.List;

/**
 * A spec ready to compile: the merged, substituted tree that passed the schema, the files it came
 * from, and a hash of their bytes that reports use to tell specs apart.
 */
public record SpecDocument(MapNode root, List<SpecSource> sources, String sha256) {

  public SpecDocument {
    sources = List.copyOf(sources);
  }

  /** The display name of the first (base) file. */
  public String mainFile() {
    return sources.isEmpty() ? "<none>" : sources.get(0).displayName();
  }
}
