package dev.loadtest.spec;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the validator's errors into {@link SpecProblem}s that point at the node (or key) the
 * user wrote and say in plain English what was expected. Errors under a failed {@code oneOf}
 * are not passed on one by one: {@link OneOfExplainer} picks the branch the user most likely
 * meant. Not thread-safe; one per load.
 */
final class SchemaErrorTranslator {

  private final SpecSchema schema;
  private final MapNode root;
  private final ValueDisplay display;
  private final OneOfExplainer oneOf;

  SchemaErrorTranslator(SpecSchema schema, MapNode root, ValueDisplay display) {
    this.schema = schema;
    this.root = root;
    this.display = display;
    this.oneOf = new OneOfExplainer(schema, display, this);
  }

  /** Problems for a list of errors, reading each {@code oneOf} with the errors beneath it. */
  List<SpecProblem> translate(List<Error> errors) {
    List<SpecProblem> problems = new ArrayList<>();
    for (Error error : outermost(errors)) {
      if ("oneOf".equals(error.getKeyword())) {
        problems.addAll(oneOf.explain(error, ownedBy(error, errors)));
      } else {
        problems.add(translateOne(error));
      }
    }
    return problems;
  }

  /** The spec node an error is about. */
  SpecNode nodeOf(Error error) {
    return JsonTree.find(root, error.getInstanceLocation());
  }

  /** Errors not evaluated inside one of the list's own {@code oneOf} errors. */
  static List<Error> outermost(List<Error> errors) {
    List<Error> choices = errors.stream().filter(e -> "oneOf".equals(e.getKeyword())).toList();
    return errors.stream()
        .filter(e -> choices.stream().noneMatch(choice -> choice != e && owns(choice, e)))
        .toList();
  }

  static List<Error> ownedBy(Error choice, List<Error> errors) {
    return errors.stream().filter(e -> owns(choice, e)).toList();
  }

  // Evaluation paths hold no list indexes: every check item shares one, so the instance decides.
  static boolean owns(Error choice, Error error) {
    String prefix = choice.getEvaluationPath().toString() + "/";
    return error.getEvaluationPath().toString().startsWith(prefix)
        && error.getInstanceLocation().startsWith(choice.getInstanceLocation());
  }

  private SpecProblem translateOne(Error error) {
    SpecNode node = nodeOf(error);
    return switch (error.getKeyword()) {
      case "additionalProperties" -> unknownKey(error, node);
      case "propertyNames" -> badKeyName(error, node);
      case "required" ->
          SpecProblem.at(node, "missing required key '" + error.getProperty() + "'");
      case "not" -> combinationProblem(error.getSchemaNode(), node);
      default -> SpecProblem.at(node, message(error, node));
    };
  }

  private String message(Error error, SpecNode node) {
    JsonNode rule = error.getSchemaNode();
    return switch (error.getKeyword()) {
      case "type" -> "expected " + expectedType(error) + ", got " + display.got(node);
      case "enum" -> notInEnum(rule, node);
      case "pattern" -> "expected " + SchemaPhrases.pattern(rule.asString()) + ", got "
          + display.value(node);
      case "minLength" -> rule.asInt() == 1 ? "must not be empty"
          : "expected at least " + rule.asInt() + " characters";
      case "maxLength" -> "expected at most " + rule.asInt() + " characters";
      case "minimum" -> "expected at least " + rule + ", got " + display.value(node);
      case "maximum" -> "expected at most " + rule + ", got " + display.value(node);
      case "exclusiveMinimum" -> "expected more than " + rule + ", got " + display.value(node);
      case "exclusiveMaximum" -> "expected less than " + rule + ", got " + display.value(node);
      case "minItems" -> "expected at least " + items(rule.asInt()) + ", got " + size(node);
      case "maxItems" -> "expected at most " + items(rule.asInt()) + ", got " + size(node);
      case "minProperties", "maxProperties" -> keyCount(error, node);
      default -> "does not satisfy the schema rule '" + error.getKeyword() + "'";
    };
  }

  // A type error next to a pattern is about a missing unit or quote, not about JSON types.
  private String expectedType(Error error) {
    JsonNode owner = schema.owner(error.getSchemaLocation());
    return owner.has("pattern")
        ? SchemaPhrases.pattern(owner.get("pattern").asString())
        : SchemaPhrases.types(error.getSchemaNode());
  }

  private SpecProblem unknownKey(Error error, SpecNode node) {
    String key = error.getProperty();
    List<String> allowed = SpecSchema.propertyNames(schema.owner(error.getSchemaLocation()));
    return unknownKeyProblem(node, key, allowed, "(allowed here: " + String.join(", ", allowed)
        + ")");
  }

  /** "unknown key 'usres'; did you mean 'users'? (allowed here: ...)" at the key. */
  static SpecProblem unknownKeyProblem(
      SpecNode map, String key, List<String> allowed, String explanation) {
    String hint = Suggestions.closest(key, allowed).map(s -> "; did you mean '" + s + "'?")
        .orElse("");
    return keyProblem(map, key, "unknown key '" + key + "'" + hint + " " + explanation);
  }

  private SpecProblem badKeyName(Error error, SpecNode node) {
    String key = error.getProperty();
    String expected = SchemaPhrases.pattern(error.getSchemaNode().path("pattern").asString());
    return keyProblem(node, key, "key '" + key + "' is not allowed here: expected " + expected);
  }

  private static SpecProblem keyProblem(SpecNode node, String key, String message) {
    if (node instanceof MapNode map && map.keyLocations().containsKey(key)) {
      return new SpecProblem(map.keyLocation(key), SpecNode.childPath(map.path(), key), message);
    }
    return SpecProblem.at(node, message);
  }

  private String notInEnum(JsonNode rule, SpecNode node) {
    List<String> allowed = SpecSchema.strings(rule);
    String shown = display.value(node);
    // An unquoted 2 is a number; the schema may want the text "2".
    boolean wantsQuotes = node instanceof ScalarNode scalar
        && scalar.type() != ScalarNode.ScalarType.STRING && allowed.contains(scalar.text());
    if (wantsQuotes) {
      return "expected one of " + String.join(", ", allowed) + " as text; write it in quotes: \""
          + ((ScalarNode) node).text() + "\"";
    }
    String text = node instanceof ScalarNode scalar ? scalar.text() : "";
    String hint = Suggestions.closest(text, allowed).map(s -> "; did you mean '" + s + "'?")
        .orElse("");
    return shown + " is not one of " + String.join(", ", allowed) + hint;
  }

  private String keyCount(Error error, SpecNode node) {
    JsonNode owner = schema.owner(error.getSchemaLocation());
    List<String> names = SpecSchema.propertyNames(owner);
    boolean exactlyOne = owner.path("minProperties").asInt(-1) == 1
        && owner.path("maxProperties").asInt(-1) == 1;
    int count = node instanceof MapNode map ? map.fields().size() : 0;
    if (exactlyOne) {
      return "expected exactly one of " + String.join(", ", names) + ", got " + count;
    }
    return "expected " + ("minProperties".equals(error.getKeyword()) ? "at least " : "at most ")
        + error.getSchemaNode().asInt() + " keys, got " + count;
  }

  // The schema's "not": {"required": [a, b]} forbids writing a and b together.
  private static SpecProblem combinationProblem(JsonNode rule, SpecNode node) {
    if (!(rule.has("required") && rule.size() == 1)) {
      return SpecProblem.at(node, "this value has a form that is not allowed here");
    }
    List<String> keys = SpecSchema.strings(rule.get("required"));
    String message = SchemaPhrases.quotedAnd(keys).replace(" + ", " and ")
        + " cannot be used together; keep one";
    return keyProblem(node, keys.get(keys.size() - 1), message);
  }

  private static String items(int count) {
    return count == 1 ? "1 item" : count + " items";
  }

  private static String size(SpecNode node) {
    if (node instanceof ListNode list) {
      return list.elements().isEmpty() ? "an empty list" : items(list.elements().size());
    }
    return node.kindDescription();
  }
}
