package dev.loadtest.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses template text into a {@link Template}, checking every expression and variable name so
 * that mistakes surface at compile time, not on the ten-thousandth request.
 */
final class TemplateParser {

  /** Names every template may use besides the spec's variables. */
  static final Set<String> BUILT_IN_VARIABLES = Set.of("userId", "iteration", "scenario");

  private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\((.*)\\)", Pattern.DOTALL);
  /** A variable, or a feeder's column written {@code feeder.column}. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_-]*)?");

  private final Set<String> knownVariables;
  private final Map<String, String> environment;
  private final Set<String> extractedLater;

  TemplateParser(Set<String> knownVariables, Map<String, String> environment) {
    this(knownVariables, environment, Set.of());
  }

  /**
   * @param extractedLater variables some step extracts, but none before this template: named
   *     in the message, because the order of the steps is the mistake
   */
  TemplateParser(Set<String> knownVariables, Map<String, String> environment,
      Set<String> extractedLater) {
    this.knownVariables = Set.copyOf(knownVariables);
    this.environment = environment;
    this.extractedLater = Set.copyOf(extractedLater);
  }

  /** True when templates may read this variable. */
  boolean knows(String name) {
    return knownVariables.contains(name) || BUILT_IN_VARIABLES.contains(name);
  }

  /** The message for a variable templates may not read, fit to show the user. */
  String unknownVariable(String name) {
    if (extractedLater.contains(name)) {
      return "variable '" + name + "' is used before any step extracts it: move the step"
          + " that extracts it earlier, or into onStart or setup";
    }
    return "unknown variable '" + name + "' (known: "
        + String.join(", ", sorted(knownVariables)) + "; built in: userId, iteration, scenario)";
  }

  /**
   * Parses one template.
   *
   * @throws IllegalArgumentException with a message fit to show the user
   */
  Template parse(String source) {
    List<Template.Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int at = 0;
    while (at < source.length()) {
      if (source.startsWith("$${", at)) {
        literal.append("${");
        at += 3;
      } else if (source.startsWith("${", at)) {
        int end = source.indexOf('}', at);
        if (end < 0) {
          throw new IllegalArgumentException("'${' is not closed by '}' in '" + source + "'");
        }
        Template.Part part = expression(source.substring(at + 2, end).trim());
        if (part instanceof Template.Literal text) {
          literal.append(text.text());
        } else {
          flush(literal, parts, false);
          parts.add(part);
        }
        at = end + 1;
      } else {
        literal.append(source.charAt(at++));
      }
    }
    flush(literal, parts, true);
    return new Template(source, parts);
  }

  /** Moves pending text into the parts; at the end, an empty template gets one empty part. */
  private static void flush(StringBuilder literal, List<Template.Part> parts, boolean atEnd) {
    if (literal.length() > 0 || atEnd && parts.isEmpty()) {
      parts.add(new Template.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private Template.Part expression(String text) {
    Matcher call = CALL.matcher(text);
    if (call.matches()) {
      return function(call.group(1), arguments(call.group(2)));
    }
    if (!NAME.matcher(text).matches()) {
      throw new IllegalArgumentException("'${" + text + "}' is neither a variable name nor a"
          + " function call like randomInt(1, 10), uuid(), pick(a, b), env(NAME), timestamp()");
    }
    if (!knows(text)) {
      throw new IllegalArgumentException(unknownVariable(text));
    }
    return new Template.Variable(text);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static List<String> arguments(String text) {
    List<String> arguments = new ArrayList<>();
    if (text.isBlank()) {
      return arguments;
    }
    for (String argument : text.split(",", -1)) {
      arguments.add(unquote(argument.trim()));
    }
    return arguments;
  }

  private static String unquote(String text) {
    boolean quoted = text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
        || text.startsWith("\"") && text.endsWith("\""));
    return quoted ? text.substring(1, text.length() - 1) : text;
  }

  private Template.Part function(String name, List<String> arguments) {
    switch (name) {
      case "randomInt":
        return randomInt(arguments);
      case "uuid":
        requireCount(name, arguments, 0);
        return new Template.RandomUuid();
      case "pick":
        if (arguments.isEmpty()) {
          throw new IllegalArgumentException("pick() needs at least one value, like pick(a, b)");
        }
        return new Template.Pick(arguments);
      case "env":
        requireCount(name, arguments, 1);
        return environmentValue(arguments.get(0));
      case "timestamp":
        requireCount(name, arguments, 0);
        return new Template.Timestamp();
      default:
        throw new IllegalArgumentException("unknown function '" + name + "' (known: randomInt,"
            + " uuid, pick, env, timestamp)");
    }
  }

  private static Template.Part randomInt(List<String> arguments) {
    requireCount("randomInt", arguments, 2);
    try {
      long min = Long.parseLong(arguments.get(0));
      long max = Long.parseLong(arguments.get(1));
      if (max < min) {
        throw new IllegalArgumentException("randomInt(" + min + ", " + max + "): the maximum is"
            + " below the minimum");
      }
      return new Template.RandomInt(min, max);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("randomInt takes two whole numbers, like"
          + " randomInt(1, 100), got randomInt(" + String.join(", ", arguments) + ")");
    }
  }

  private Template.Part environmentValue(String variable) {
    String value = environment.get(variable);
    if (value == null) {
      throw new IllegalArgumentException("environment variable '" + variable + "' is not set");
    }
    return new Template.Literal(value);
  }

  private static void requireCount(String function, List<String> arguments, int count) {
    if (arguments.size() != count) {
      throw new IllegalArgumentException(function + "() takes " + count + " argument"
          + (count == 1 ? "" : "s") + ", got " + arguments.size());
    }
  }
}
