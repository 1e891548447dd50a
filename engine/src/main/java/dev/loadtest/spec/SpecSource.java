package dev.loadtest.spec;

import java.util.List;

/**
 * One YAML file as the user wrote it: its display name and its lines, kept so that errors can
 * quote the offending line.
 */
public record SpecSource(String displayName, List<String> lines) {

  public SpecSource {
    lines = List.copyOf(lines);
  }

  /** The text of a 1-based line, or an empty string past the end of the file. */
  public String line(int lineNumber) {
    return lineNumber >= 1 && lineNumber <= lines.size() ? lines.get(lineNumber - 1) : "";
  }

  @Override
  public String toString() {
    return "SpecSource[" + displayName + ", " + lines.size() + " lines]";
  }
}
