package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON bodies as the target receives them: numbers from templates, escaped strings, nesting. */
class JsonTemplateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TemplateParser PARSER = new TemplateParser(Set.of("model"), Map.of());
  private static final Map<String, String> VARIABLES =
      Map.of("model", "gpt-4o", "userId", "3", "iteration", "12");

  private static JsonTemplate text(String source) {
    return new JsonTemplate.JsonText(PARSER.parse(source));
  }

  private static JsonTemplate.Member member(String key, JsonTemplate value) {
    return new JsonTemplate.Member(key, value);
  }

  private static String render(JsonTemplate template) {
    byte[] bytes = template.render(context(1, VARIABLES, 0));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static Stream<Arguments> strings() {
    return Stream.of(
        // A number inside text stays text.
        Arguments.of("item ${randomInt(5, 5)}", "\"item 5\""),
        // A variable's value is quoted like any string.
        Arguments.of("${model}", "\"gpt-4o\""),
        // Digits written literally are a string: the spec author quoted them.
        Arguments.of("42", "\"42\""),
        // Quotes and backslashes are escaped.
        Arguments.of("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\""),
        // Newline, carriage return and tab get their short escapes.
        Arguments.of("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
        // Other control characters get \\u escapes.
        Arguments.of("bell\u0007nul\u0000", "\"bell\\u0007nul\\u0000\""),
        // Non-ASCII text passes through unescaped.
        Arguments.of("café ☕", "\"café ☕\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void rendersStringValues(String source, String json) {
    assertThat(render(text(source))).isEqualTo(json);
  }

  @Test
  void escapedStringsReadBackAsWritten() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      every.append(c);
    }
    every.append("é€\u2028😀");
    String original = every.toString();

    JsonNode read = JSON.readTree(render(new JsonTemplate.JsonText(Template.literal(original))));

    assertThat(read.stringValue()).isEqualTo(original);
  }

  @Test
  void rendersNestedObjectsAndArraysInOrder() {
    JsonTemplate document = new JsonTemplate.JsonObject(List.of(
        member("model", text("${model}")),
        member("quantity", text("${randomInt(5, 5)} items")),
        member("tags", new JsonTemplate.JsonArray(List.of(
            text("a"), new JsonTemplate.JsonLiteral("1.5"), new JsonTemplate.JsonLiteral("true"),
            new JsonTemplate.JsonLiteral("null")))),
        member("inner \"key\"", new JsonTemplate.JsonObject(List.of(
            member("empty", new JsonTemplate.JsonArray(List.of())),
            member("none", new JsonTemplate.JsonObject(List.of())))))));

    String json = render(document);

    assertThat(json).isEqualTo("{\"model\":\"gpt-4o\",\"quantity\":\"5 items\","
        + "\"tags\":[\"a\",1.5,true,null],\"inner \\\"key\\\"\":{\"empty\":[],\"none\":{}}}");
    assertThat(JSON.readTree(json).get("inner \"key\"").get("empty").isArray()).isTrue();
  }

  @Test
  void constantOnlyWhenNoStringAnywhereHoldsAnExpression() {
    JsonTemplate constant = new JsonTemplate.JsonObject(List.of(
        member("a", new JsonTemplate.JsonArray(
            List.of(text("x"), new JsonTemplate.JsonLiteral("1"))))));
    JsonTemplate deep = new JsonTemplate.JsonObject(List.of(
        member("a", new JsonTemplate.JsonArray(List.of(text("x"), text("${uuid()}"))))));

    assertThat(constant.isConstant()).isTrue();
    assertThat(deep.isConstant()).isFalse();
  }

  @Test
  void oneNumericExpressionRendersAsAJsonNumber() {
    JsonTemplate document = new JsonTemplate.JsonObject(List.of(
        member("quantity", text("${randomInt(5, 5)}")), member("at", text("${timestamp()}"))));

    String json = render(document);

    assertThat(json).isEqualTo("{\"quantity\":5,\"at\":0}");
    assertThat(JSON.readTree(json).get("quantity").isNumber()).isTrue();
  }

  @Test
  void userIdAndIterationAloneRenderAsNumbers() {
    JsonTemplate document = new JsonTemplate.JsonObject(List.of(
        member("user", text("${userId}")), member("turn", text("${iteration}"))));

    assertThat(render(document)).isEqualTo("{\"user\":3,\"turn\":12}");
  }
}
