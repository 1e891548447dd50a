package dev.loadtest.spec;

/**
 * One mistake in a spec: where it is, the YAML path, and a message that says what is wrong and
 * what was expected instead.
 */
public record SpecProblem(SourceLocation location, String path, String message) {

  /** A problem with a node, located where the node was written. */
  public static SpecProblem at(SpecNode node, String message) {
    return new SpecProblem(node.location(), node.path(), message);
  }

  @Override
  public String toString() {
    return location.describe() + " " + (path.isEmpty() ? "<root>" : path) + ": " + message;
  }
}
