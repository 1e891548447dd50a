package dev.loadtest.plan;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A test that decides where a flow goes: whether a poll is over, whether a repeat goes on,
 * which branch a conditional takes. Immutable and thread-safe.
 */
public sealed interface Condition {

  String describe();

  /**
   * A value in the response of a poll is one of {@code values}; numbers and booleans compare
   * by their JSON text, so {@code 200} matches {@code 200}.
   */
  record JsonPathIn(JsonPath path, List<String> values) implements Condition {
    public JsonPathIn {
      values = List.copyOf(values);
    }

    /** The value found at the path as text, or empty when it is missing. */
    public Optional<String> valueIn(ResponseFacts response) {
      return response.json().flatMap(path::find).map(JsonPathIn::text);
    }

    public boolean holds(ResponseFacts response) {
      return valueIn(response).filter(values::contains).isPresent();
    }

    private static String text(JsonNode node) {
      return node.isString() ? node.stringValue() : node.toString();
    }

    @Override
    public String describe() {
      return path.source() + (values.size() == 1 ? " == " + values.get(0) : " in " + values);
    }
  }

  /** A variable's value is (or, negated, is not) one of {@code values}. */
  record VariableIn(String variable, List<String> values, boolean negated)
      implements Condition {
    public VariableIn {
      values = List.copyOf(values);
    }

    public boolean holds(TemplateContext variables) {
      return values.contains(variables.variable(variable)) != negated;
    }

    @Override
    public String describe() {
      String operator = values.size() == 1 ? (negated ? " != " : " == ")
          : (negated ? " not in " : " in ");
      return "${" + variable + "}" + operator
          + (values.size() == 1 ? "'" + values.get(0) + "'" : values);
    }
  }
}
