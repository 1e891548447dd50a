package dev.loadtest.spec;

/**
 * Where a node was written: file, 1-based line and column. Values set on the command line have a
 * source named after the option (for example {@code --set}).
 */
public record SourceLocation(SpecSource source, int line, int column) {

  /** The text of the line this location points into. */
  public String lineText() {
    return source.line(line);
  }

  /** {@code file:line:column}, the form editors and CI logs turn into links. */
  public String describe() {
    return source.displayName() + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return describe();
  }
}
