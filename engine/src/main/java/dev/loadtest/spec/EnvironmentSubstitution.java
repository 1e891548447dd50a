package dev.loadtest.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in scalar text with environment values.
 *
 * <p>Only upper-case names are environment references: {@code ${user}} and
 * {@code ${randomInt(1, 10)}} are run-time templates and pass through untouched. {@code $${}
 * always stands for a literal {@code ${}, whatever follows it. Immutable and thread-safe.
 */
final class EnvironmentSubstitution {

  // Alternatives in one pattern so the escape is consumed before it can look like a reference.
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> environment;

  EnvironmentSubstitution(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** A variable that is not set and has no default; offset is where its {@code ${} starts. */
  record Missing(String name, int offset) {}

  /** The text after substitution; substituted is true if any environment value went in. */
  record Result(String text, boolean substituted, List<Missing> missing) {}

  Result apply(String text) {
    if (!text.contains("${")) {
      return new Result(text, false, List.of());
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    List<Missing> missing = new ArrayList<>();
    boolean substituted = false;
    while (matcher.find()) {
      String replacement = "${";
      if (matcher.group(1) != null) {
        replacement = valueOf(matcher.group(1), matcher.group(2));
        substituted = true;
        if (replacement == null) {
          missing.add(new Missing(matcher.group(1), matcher.start()));
          replacement = "";
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return new Result(out.toString(), substituted, missing);
  }

  // Like the shell's ${NAME:-default}: an empty value also takes the default.
  private String valueOf(String name, String fallback) {
    String value = environment.get(name);
    boolean useFallback = fallback != null && (value == null || value.isEmpty());
    return useFallback ? fallback : value;
  }
}
