package dev.loadtest.spec;

import dev.loadtest.spec.ScalarNode.ScalarType;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Types plain scalars by the YAML 1.2 core schema, so that {@code 10} is an integer and
 * {@code yes} stays text (YAML 1.1 would have made it a boolean). Stateless and thread-safe.
 */
final class CoreSchemaScalars {

  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("([-+]?)\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private CoreSchemaScalars() {}

  /** The core-schema type of a plain scalar's text. */
  static ScalarType typeOf(String text) {
    if (NULL.matcher(text).matches()) {
      return ScalarType.NULL;
    }
    if (BOOLEAN.matcher(text).matches()) {
      return ScalarType.BOOLEAN;
    }
    if (DECIMAL.matcher(text).matches() || OCTAL.matcher(text).matches()
        || HEX.matcher(text).matches()) {
      return ScalarType.INTEGER;
    }
    boolean special = INFINITY.matcher(text).matches() || NAN.matcher(text).matches();
    return special || FLOAT.matcher(text).matches() ? ScalarType.FLOAT : ScalarType.STRING;
  }

  /**
   * The text a typed scalar keeps: octal, hexadecimal and the YAML spellings of infinity and
   * NaN are rewritten in the forms {@link ScalarNode#asLong()} and {@code asDouble()} read.
   */
  static String canonicalText(String text, ScalarType type) {
    if (type == ScalarType.INTEGER && OCTAL.matcher(text).matches()) {
      return new BigInteger(text.substring(2), 8).toString();
    }
    if (type == ScalarType.INTEGER && HEX.matcher(text).matches()) {
      return new BigInteger(text.substring(2), 16).toString();
    }
    if (type == ScalarType.FLOAT && INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? "-Infinity" : "Infinity";
    }
    if (type == ScalarType.FLOAT && NAN.matcher(text).matches()) {
      return "NaN";
    }
    return text;
  }
}
