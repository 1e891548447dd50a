package dev.loadtest.spec;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Shows a spec value in an error message without leaking secrets: a scalar that took a value
 * from the environment is shown as the reference the user wrote ({@code ${API_KEY}}), never as
 * the value. Not thread-safe; one per load.
 */
final class ValueDisplay {

  private static final int MAX_TEXT = 60;

  private final Map<ScalarNode, String> rawTextOfSubstituted;

  ValueDisplay(IdentityHashMap<ScalarNode, String> rawTextOfSubstituted) {
    this.rawTextOfSubstituted = rawTextOfSubstituted;
  }

  /** The value alone, quoted if it is text: {@code 'ten'}, {@code 10}, {@code '${USERS}'}. */
  String value(SpecNode node) {
    if (!(node instanceof ScalarNode scalar)) {
      return node.kindDescription();
    }
    String raw = rawTextOfSubstituted.get(scalar);
    if (raw != null) {
      return "'" + shorten(raw) + "'";
    }
    return scalar.type() == ScalarNode.ScalarType.STRING ? "'" + shorten(scalar.text()) + "'"
        : scalar.text();
  }

  /** The kind and the value, for "got ...": {@code text 'ten'}, {@code the number 10}. */
  String got(SpecNode node) {
    if (!(node instanceof ScalarNode scalar)) {
      return node.kindDescription();
    }
    String raw = rawTextOfSubstituted.get(scalar);
    if (raw != null) {
      return scalar.kindDescription() + " from '" + shorten(raw) + "'";
    }
    return switch (scalar.type()) {
      case STRING -> "text '" + shorten(scalar.text()) + "'";
      case INTEGER, FLOAT -> "the number " + scalar.text();
      case BOOLEAN -> scalar.text();
      case NULL -> "an empty value";
    };
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\n", "\\n");
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 3) + "...";
  }
}
