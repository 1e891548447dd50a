package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where custom-metric values come from, and which answers lack one. */
class MetricValueTest {

  private static final String BODY = """
      {"steps": 3, "cost": "0.25", "agents": ["a", "b"], "usage": {"in": 1, "out": 2},
       "name": "x", "gone": null, "debt": -2, "ok": true}
      """;

  static Stream<Arguments> values() {
    return Stream.of(
        // A JSON number as it is.
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.steps")), Optional.of(3.0)),
        // A number written as a string.
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.cost")), Optional.of(0.25)),
        // An array counts its items, an object its fields.
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.agents")), Optional.of(2.0)),
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.usage")), Optional.of(2.0)),
        // Text, null, booleans, negatives and absent fields are missing.
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.name")), Optional.empty()),
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.gone")), Optional.empty()),
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.ok")), Optional.empty()),
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.debt")), Optional.empty()),
        Arguments.of(new MetricValue.FromJsonPath(JsonPath.parse("$.nope")), Optional.empty()),
        // A header holding a number, with spaces around it; one holding text is missing.
        Arguments.of(new MetricValue.FromHeader("X-Tokens"), Optional.of(812.0)),
        Arguments.of(new MetricValue.FromHeader("X-Model"), Optional.empty()),
        Arguments.of(new MetricValue.FromHeader("X-Absent"), Optional.empty()),
        // Fixed values and the body's size in UTF-8 bytes.
        Arguments.of(new MetricValue.Constant(1), Optional.of(1.0)),
        Arguments.of(new MetricValue.BodyBytes(), Optional.of((double) BODY.length())));
  }

  @ParameterizedTest
  @MethodSource("values")
  void valueOfTheAnswer(MetricValue value, Optional<Double> expected) {
    assertThat(value.from(new Answer())).as(value.describe()).isEqualTo(expected);
  }

  /** The answer every row reads. */
  private static final class Answer implements ResponseFacts {
    private static final JsonNode JSON = JsonMapper.builder().build().readTree(BODY);

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String bodyText() {
      return BODY;
    }

    @Override
    public Optional<JsonNode> json() {
      return Optional.of(JSON);
    }

    @Override
    public Optional<String> header(String name) {
      return switch (name) {
        case "X-Tokens" -> Optional.of(" 812 ");
        case "X-Model" -> Optional.of("gpt");
        default -> Optional.empty();
      };
    }
  }
}
