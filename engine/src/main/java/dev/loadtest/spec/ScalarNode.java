package dev.loadtest.spec;

/**
 * A YAML scalar, typed by the YAML 1.2 core schema after environment substitution: a plain
 * {@code 10} is an integer, a quoted {@code "10"} is a string.
 */
public record ScalarNode(String text, ScalarType type, SourceLocation location, String path)
    implements SpecNode {

  /** The YAML core schema's scalar types. */
  public enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  public long asLong() {
    return Long.parseLong(text.replace("_", ""));
  }

  public double asDouble() {
    return Double.parseDouble(text.replace("_", ""));
  }

  public boolean asBoolean() {
    return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
  }

  public boolean isNumber() {
    return type == ScalarType.INTEGER || type == ScalarType.FLOAT;
  }

  @Override
  public String kindDescription() {
    return switch (type) {
      case STRING -> "text";
      case INTEGER -> "an integer";
      case FLOAT -> "a number";
      case BOOLEAN -> "true/false";
      case NULL -> "an empty value";
    };
  }

  @Override
  public String toString() {
    return "ScalarNode[" + path + "=" + text + " (" + type + ") at " + location + "]";
  }
}
