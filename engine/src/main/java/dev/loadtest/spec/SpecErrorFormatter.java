package dev.loadtest.spec;

import java.util.List;

/**
 * Renders spec problems the way a compiler would: {@code file:line:column: path: message}, then
 * the offending line with a caret under the column, then a count. The output holds the source
 * line as written (with {@code ${API_KEY}}, never its value) and no stack trace. Stateless.
 */
public final class SpecErrorFormatter {

  private static final int GUTTER_WIDTH = 5;

  private SpecErrorFormatter() {}

  /** All problems, each with its source line and caret, and a closing count line. */
  public static String format(List<SpecProblem> problems) {
    StringBuilder out = new StringBuilder();
    for (SpecProblem problem : problems) {
      appendProblem(out, problem);
    }
    int count = problems.size();
    out.append(count).append(count == 1 ? " problem" : " problems").append(" in the spec.\n");
    return out.toString();
  }

  private static void appendProblem(StringBuilder out, SpecProblem problem) {
    SourceLocation location = problem.location();
    // Line 0 means the file as a whole, e.g. one that cannot be read.
    String where = location.line() < 1 ? location.source().displayName() : location.describe();
    out.append(where).append(": ");
    if (!problem.path().isEmpty()) {
      out.append(problem.path()).append(": ");
    }
    out.append(problem.message()).append('\n');
    String line = location.lineText();
    if (location.line() < 1 || line.isBlank()) {
      return;
    }
    String number = Integer.toString(location.line());
    out.append(" ".repeat(Math.max(0, GUTTER_WIDTH - number.length()))).append(number)
        .append(" | ").append(line).append('\n');
    out.append(" ".repeat(GUTTER_WIDTH)).append(" | ")
        .append(caretIndent(line, location.column())).append("^\n");
  }

  // Tabs are copied so the caret lines up in a terminal that expands them.
  private static String caretIndent(String line, int column) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      indent.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return indent.toString();
  }
}
