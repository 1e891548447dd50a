package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each check against response bodies: the failure text a user reads, or a pass (null). */
class CheckTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response with a 200 status and the given body, parsed as JSON when it is JSON. */
  record FakeResponse(String bodyText) implements ResponseFacts {
    @Override
    public int status() {
      return 200;
    }

    @Override
    public Optional<JsonNode> json() {
      try {
        return Optional.of(JSON.readTree(bodyText));
      } catch (JacksonException e) {
        return Optional.empty();
      }
    }
  }

  private static Check equalsCheck(String path, Object expected) {
    return new Check.JsonPathEquals(JsonPath.parse(path), expected, false);
  }

  private static Check equalsNull(String path) {
    return new Check.JsonPathEquals(JsonPath.parse(path), "null", true);
  }

  private static Check exists(String path, boolean exists) {
    return new Check.JsonPathExists(JsonPath.parse(path), exists);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // bodyContains: exact text found.
        Arguments.of(new Check.BodyContains("\"ok\":true"), "{\"ok\":true}", null),
        // bodyContains: case counts.
        Arguments.of(new Check.BodyContains("OK"), "{\"ok\":true}",
            "body does not contain 'OK'"),
        // bodyContains works on any text, JSON or not.
        Arguments.of(new Check.BodyContains("ready"), "ready.", null),
        // Integer 1 equals a 1.0 in the body: numbers compare by value.
        Arguments.of(equalsCheck("$.count", 1L), "{\"count\":1.0}", null),
        // Double 1.0 equals a 1 in the body.
        Arguments.of(equalsCheck("$.count", 1.0), "{\"count\":1}", null),
        // A different number shows what was found.
        Arguments.of(equalsCheck("$.count", 2L), "{\"count\":1}", "$.count is 1, expected 2"),
        // The string "1" is not the number 1.
        Arguments.of(equalsCheck("$.count", "1"), "{\"count\":1}", "$.count is 1, expected '1'"),
        // A string inside an array inside an object.
        Arguments.of(equalsCheck("$.items[1].status", "done"),
            "{\"items\":[{\"status\":\"new\"},{\"status\":\"done\"}]}", null),
        // A different string is shown with its JSON quotes.
        Arguments.of(equalsCheck("$.status", "done"), "{\"status\":\"failed\"}",
            "$.status is \"failed\", expected 'done'"),
        // Booleans.
        Arguments.of(equalsCheck("$.ok", true), "{\"ok\":true}", null),
        // A boolean is not the string "true".
        Arguments.of(equalsCheck("$.ok", true), "{\"ok\":\"true\"}",
            "$.ok is \"true\", expected true"),
        // JSON null.
        Arguments.of(equalsNull("$.error"), "{\"error\":null}", null),
        // The text "null" is not JSON null.
        Arguments.of(equalsNull("$.error"), "{\"error\":\"null\"}",
            "$.error is \"null\", expected null"),
        // A missing path says so.
        Arguments.of(equalsCheck("$.data.id", 7L), "{\"data\":{}}",
            "$.data.id is missing, expected 7"),
        // An index past the end is missing.
        Arguments.of(equalsCheck("$.items[3]", "x"), "{\"items\":[\"x\"]}",
            "$.items[3] is missing, expected 'x'"),
        // A long value is abbreviated to 60 characters.
        Arguments.of(equalsCheck("$.text", "short"), "{\"text\":\"" + "x".repeat(100) + "\"}",
            "$.text is \"" + "x".repeat(56) + "..., expected 'short'"),
        // Not JSON: the equals check cannot run, and says why.
        Arguments.of(equalsCheck("$.status", "done"), "<html>busy</html>",
            "body is not JSON, cannot check $.status"),
        // exists: present.
        Arguments.of(exists("$.choices[0].message", true),
            "{\"choices\":[{\"message\":\"hi\"}]}", null),
        // exists: missing.
        Arguments.of(exists("$.choices[0].message", true), "{\"choices\":[]}",
            "$.choices[0].message is missing"),
        // exists: false passes when missing.
        Arguments.of(exists("$.error", false), "{\"ok\":true}", null),
        // exists: false fails when present.
        Arguments.of(exists("$.error", false), "{\"error\":\"boom\"}", "$.error is present"),
        // exists on a body that is not JSON.
        Arguments.of(exists("$.id", true), "not json", "body is not JSON, cannot check $.id"),
        // jsonErrorField: the field's text is the failure message.
        Arguments.of(new Check.JsonErrorField("error"), "{\"error\":\"model overloaded\"}",
            "API returned error: model overloaded"),
        // jsonErrorField: a non-string value is shown as JSON.
        Arguments.of(new Check.JsonErrorField("error"), "{\"error\":{\"code\":429}}",
            "API returned error: {\"code\":429}"),
        // jsonErrorField: a long message is cut at 80 characters.
        Arguments.of(new Check.JsonErrorField("error"), "{\"error\":\"" + "e".repeat(90) + "\"}",
            "API returned error: " + "e".repeat(77) + "..."),
        // jsonErrorField: null passes.
        Arguments.of(new Check.JsonErrorField("error"), "{\"error\":null,\"ok\":1}", null),
        // jsonErrorField: absent passes.
        Arguments.of(new Check.JsonErrorField("error"), "{\"result\":\"fine\"}", null),
        // jsonErrorField: only the top level counts.
        Arguments.of(new Check.JsonErrorField("error"), "{\"data\":{\"error\":\"x\"}}", null),
        // jsonErrorField: an array body is not an object, so it passes.
        Arguments.of(new Check.JsonErrorField("error"), "[{\"error\":\"x\"}]", null),
        // jsonErrorField: a body that is not JSON passes.
        Arguments.of(new Check.JsonErrorField("error"), "Internal error", null));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void reportsFailuresAsUsersReadThem(Check check, String body, String failure) {
    assertThat(check.failure(new FakeResponse(body))).isEqualTo(Optional.ofNullable(failure));
  }

  @Test
  void everyCheckReadsTheBody() {
    assertThat(Stream.of(new Check.BodyContains("x"), exists("$.a", true),
        equalsCheck("$.a", 1L), new Check.JsonErrorField("error")))
        .allMatch(Check::needsBody);
  }

  @Test
  void describesItself() {
    assertThat(new Check.BodyContains("ok").describe()).isEqualTo("body contains 'ok'");
    assertThat(exists("$.a", true).describe()).isEqualTo("$.a exists");
    assertThat(exists("$.a", false).describe()).isEqualTo("$.a is absent");
    assertThat(equalsCheck("$.a", "done").describe()).isEqualTo("$.a == 'done'");
    assertThat(equalsCheck("$.a", 2L).describe()).isEqualTo("$.a == 2");
    assertThat(equalsNull("$.a").describe()).isEqualTo("$.a == null");
    assertThat(new Check.JsonErrorField("error").describe())
        .isEqualTo("no 'error' field in the JSON body");
  }

  @Test
  void nullValueIsPresent() {
    FakeResponse body = new FakeResponse("{\"message\":null}");

    assertThat(exists("$.message", true).failure(body)).isEmpty();
    assertThat(exists("$.message", false).failure(body)).contains("$.message is present");
  }
}
