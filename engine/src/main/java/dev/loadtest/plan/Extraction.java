package dev.loadtest.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Takes one value out of a response into a per-user variable that later steps read as
 * {@code ${name}}. A value that cannot be found fails the request: the steps after it would
 * otherwise send a request with an empty id. Implementations are immutable and thread-safe.
 */
public sealed interface Extraction {

  /** The variable the value goes into. */
  String variable();

  /** The value, or empty when the response does not hold it. */
  Optional<String> from(ResponseFacts response);

  /** Why nothing was found, for the failure message. */
  String missing();

  /** True when the value comes from the body, which must then be kept. */
  boolean needsBody();

  String describe();

  /** A JSON value: strings as they are, numbers and booleans as their JSON text. */
  record FromJsonPath(String variable, JsonPath path) implements Extraction {
    @Override
    public Optional<String> from(ResponseFacts response) {
      return response.json().flatMap(path::find).filter(node -> !node.isNull())
          .map(FromJsonPath::text);
    }

    private static String text(JsonNode node) {
      return node.isString() ? node.stringValue() : node.toString();
    }

    @Override
    public String missing() {
      return "cannot extract " + variable + ": " + path.source() + " is missing from the body";
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return variable + " = " + path.source();
    }
  }

  /** The first match of a regular expression in the body, its group {@code group}. */
  record FromRegex(String variable, Pattern pattern, int group) implements Extraction {
    @Override
    public Optional<String> from(ResponseFacts response) {
      Matcher matcher = pattern.matcher(response.bodyText());
      return matcher.find() ? Optional.ofNullable(matcher.group(group)) : Optional.empty();
    }

    @Override
    public String missing() {
      return "cannot extract " + variable + ": /" + pattern.pattern() + "/ does not match the body";
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return variable + " = /" + pattern.pattern() + "/";
    }
  }

  /** A response header's value. */
  record FromHeader(String variable, String header) implements Extraction {
    @Override
    public Optional<String> from(ResponseFacts response) {
      return response.header(header);
    }

    @Override
    public String missing() {
      return "cannot extract " + variable + ": the response has no " + header + " header";
    }

    @Override
    public boolean needsBody() {
      return false;
    }

    @Override
    public String describe() {
      return variable + " = header " + header;
    }
  }
}
