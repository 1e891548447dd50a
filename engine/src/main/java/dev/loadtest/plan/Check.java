package dev.loadtest.plan;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A condition on a response. Implementations are immutable and thread-safe. */
public sealed interface Check {

  /** Why the response fails this check, or empty when it passes. */
  Optional<String> failure(ResponseFacts response);

  /** True when the check reads the body. */
  boolean needsBody();

  String describe();

  /** The body contains a piece of text. */
  record BodyContains(String text) implements Check {
    @Override
    public Optional<String> failure(ResponseFacts response) {
      return response.bodyText().contains(text)
          ? Optional.empty()
          : Optional.of("body does not contain '" + text + "'");
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return "body contains '" + text + "'";
    }
  }

  /** A JSON path exists (or, with {@code exists: false}, does not). */
  record JsonPathExists(JsonPath path, boolean exists) implements Check {
    @Override
    public Optional<String> failure(ResponseFacts response) {
      Optional<JsonNode> json = response.json();
      if (json.isEmpty()) {
        return Optional.of("body is not JSON, cannot check " + path.source());
      }
      // A null value is present: the key is there, which is what exists checks.
      boolean found = path.find(json.get()).isPresent();
      return found == exists ? Optional.empty()
          : Optional.of(path.source() + (exists ? " is missing" : " is present"));
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return path.source() + (exists ? " exists" : " is absent");
    }
  }

  /**
   * A JSON path holds a value; numbers compare by value, so {@code 1} equals {@code 1.0}.
   *
   * @param expected a String, Long, Double, Boolean, or the JSON null written as "null" text
   */
  record JsonPathEquals(JsonPath path, Object expected, boolean expectsNull) implements Check {
    @Override
    public Optional<String> failure(ResponseFacts response) {
      Optional<JsonNode> json = response.json();
      if (json.isEmpty()) {
        return Optional.of("body is not JSON, cannot check " + path.source());
      }
      Optional<JsonNode> node = path.find(json.get());
      if (node.isEmpty()) {
        return Optional.of(path.source() + " is missing, expected " + expectedText());
      }
      return matches(node.get()) ? Optional.empty()
          : Optional.of(path.source() + " is " + abbreviate(node.get().toString()) + ", expected "
              + expectedText());
    }

    private boolean matches(JsonNode node) {
      if (expectsNull) {
        return node.isNull();
      }
      if (expected instanceof Number number) {
        return node.isNumber() && node.doubleValue() == number.doubleValue();
      }
      if (expected instanceof Boolean flag) {
        return node.isBoolean() && node.booleanValue() == flag;
      }
      return node.isString() && node.stringValue().equals(expected);
    }

    private String expectedText() {
      return expectsNull ? "null" : expected instanceof String ? "'" + expected + "'"
          : String.valueOf(expected);
    }

    private static String abbreviate(String text) {
      return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return path.source() + " == " + expectedText();
    }
  }

  /**
   * The JSON body has no such top-level field with a value: APIs that answer 200 with
   * {@code {"error": ...}} have failed all the same.
   */
  record JsonErrorField(String field) implements Check {
    @Override
    public Optional<String> failure(ResponseFacts response) {
      Optional<JsonNode> json = response.json();
      if (json.isEmpty()) {
        return Optional.empty();
      }
      JsonNode value = json.get().get(field);
      if (value == null || value.isNull() || value.isMissingNode()) {
        return Optional.empty();
      }
      String shown = value.isString() ? value.stringValue() : value.toString();
      return Optional.of("API returned " + field + ": "
          + (shown.length() <= 80 ? shown : shown.substring(0, 77) + "..."));
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return "no '" + field + "' field in the JSON body";
    }
  }
}
