package dev.loadtest.plan;

import static dev.loadtest.plan.PlanFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template text as users write it: what it renders to, and the messages for mistakes. */
class TemplateParserTest {

  private static final Map<String, String> VARIABLES =
      Map.of("model", "gpt-4o", "region", "eu", "userId", "3", "scenario", "shopper");
  private static final long NOW_MILLIS = 1_700_000_000_123L;

  private final TemplateParser parser =
      new TemplateParser(Set.of("model", "region"), Map.of("API_HOST", "api.test"));

  private String render(String source) {
    return parser.parse(source).render(context(1, VARIABLES, NOW_MILLIS));
  }

  static Stream<Arguments> renderings() {
    return Stream.of(
        // Plain text is kept as is.
        Arguments.of("/api/products", "/api/products"),
        // An empty template renders as empty text.
        Arguments.of("", ""),
        // A spec variable inside text.
        Arguments.of("/models/${model}/chat", "/models/gpt-4o/chat"),
        // Spaces inside the braces are ignored.
        Arguments.of("${ region }", "eu"),
        // Built-in variables need no declaration.
        Arguments.of("user-${userId} in ${scenario}", "user-3 in shopper"),
        // $${ writes a literal ${, and what follows is not an expression.
        Arguments.of("cost: $${model}", "cost: ${model}"),
        // A lone $ or { is plain text.
        Arguments.of("$5 {x}", "$5 {x}"),
        // A random integer whose range has one value.
        Arguments.of("id-${randomInt(5, 5)}", "id-5"),
        // pick with one choice; quotes keep the spaces of a choice.
        Arguments.of("[${pick(' a ')}]", "[ a ]"),
        // env is read at compile time from the given environment.
        Arguments.of("https://${env(API_HOST)}/v1", "https://api.test/v1"),
        // timestamp reads the context's clock.
        Arguments.of("${timestamp()}", "1700000000123"),
        // Several expressions in a row.
        Arguments.of("${model}${region}${model}", "gpt-4oeugpt-4o"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("renderings")
  void rendersTemplates(String source, String expected) {
    assertThat(render(source)).isEqualTo(expected);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // A misspelt variable: the message lists what exists.
        Arguments.of("/models/${modle}", "unknown variable 'modle' (known: model, region;"
            + " built in: userId, iteration, scenario)"),
        // An opening without a closing brace.
        Arguments.of("/items/${randomInt(1, 9)", "'${' is not closed by '}' in"
            + " '/items/${randomInt(1, 9)'"),
        // A bare opening at the end.
        Arguments.of("tail ${", "'${' is not closed by '}' in 'tail ${'"),
        // A function that does not exist.
        Arguments.of("${random(1, 9)}", "unknown function 'random' (known: randomInt, uuid,"
            + " pick, env, timestamp)"),
        // Neither a name nor a call.
        Arguments.of("${1st}", "'${1st}' is neither a variable name nor a function call like"
            + " randomInt(1, 10), uuid(), pick(a, b), env(NAME), timestamp()"),
        // randomInt with one argument.
        Arguments.of("${randomInt(9)}", "randomInt() takes 2 arguments, got 1"),
        // randomInt with words.
        Arguments.of("${randomInt(one, ten)}", "randomInt takes two whole numbers, like"
            + " randomInt(1, 100), got randomInt(one, ten)"),
        // randomInt upside down.
        Arguments.of("${randomInt(9, 1)}", "randomInt(9, 1): the maximum is below the minimum"),
        // uuid takes nothing.
        Arguments.of("${uuid(4)}", "uuid() takes 0 arguments, got 1"),
        // pick with nothing to pick.
        Arguments.of("${pick()}", "pick() needs at least one value, like pick(a, b)"),
        // env of an unset variable.
        Arguments.of("${env(API_TOKEN)}", "environment variable 'API_TOKEN' is not set"),
        // env without a name.
        Arguments.of("${env()}", "env() takes 1 argument, got 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void explainsMistakes(String source, String message) {
    assertThatThrownBy(() -> parser.parse(source))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void unknownVariableWithNoSpecVariablesStillNamesTheBuiltIns() {
    TemplateParser bare = new TemplateParser(Set.of(), Map.of());

    assertThatThrownBy(() -> bare.parse("${user}"))
        .hasMessageContaining("unknown variable 'user'")
        .hasMessageContaining("built in: userId, iteration, scenario");
  }

  @Test
  void randomIntStaysWithinItsInclusiveRange() {
    Template template = parser.parse("${randomInt(1, 3)}");
    TemplateContext seeded = context(2024);

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      seen.add(template.render(seeded));
    }
    assertThat(seen).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void randomIntAcceptsNegativeBounds() {
    Template template = parser.parse("${randomInt(-2, 2)}");
    TemplateContext seeded = context(5);

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      seen.add(template.render(seeded));
    }
    assertThat(seen).containsExactlyInAnyOrder("-2", "-1", "0", "1", "2");
  }

  @Test
  void uuidIsAVersionFourUuidDrawnFromTheSeed() {
    Template template = parser.parse("${uuid()}");

    String first = template.render(context(11));
    String again = template.render(context(11));
    String other = template.render(context(12));

    assertThat(first)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(UUID.fromString(first).version()).isEqualTo(4);
    assertThat(UUID.fromString(first).variant()).isEqualTo(2);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void pickChoosesEveryListedValueAndNothingElse() {
    Template template = parser.parse("${pick(a, b)}");
    TemplateContext seeded = context(3);

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(template.render(seeded));
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void environmentValuesBecomeConstantText() {
    Template template = parser.parse("https://${env(API_HOST)}/v1");

    assertThat(template.isConstant()).isTrue();
    assertThat(template.parts()).containsExactly(new Template.Literal("https://api.test/v1"));
    assertThat(template.source()).isEqualTo("https://${env(API_HOST)}/v1");
  }


  @Test
  void oneExpressionParsesToOnePart() {
    assertThat(parser.parse("${randomInt(1, 9)}").parts())
        .containsExactly(new Template.RandomInt(1, 9));
    assertThat(parser.parse("${model}-x").parts())
        .containsExactly(new Template.Variable("model"), new Template.Literal("-x"));
  }

  @Test
  void oneRandomIntOrTimestampIsASingleNumber() {
    assertThat(parser.parse("${randomInt(1, 9)}").isSingleNumber()).isTrue();
    assertThat(parser.parse("${timestamp()}").isSingleNumber()).isTrue();
  }

  static Stream<Arguments> numericTemplates() {
    return Stream.of(
        // Text around a number makes it text.
        Arguments.of("n${randomInt(1, 9)}", false),
        // Two numbers side by side are text.
        Arguments.of("${randomInt(1, 9)}${randomInt(1, 9)}", false),
        // A UUID is text.
        Arguments.of("${uuid()}", false),
        // A literal that looks like a number is still a literal string.
        Arguments.of("42", false),
        // pick may return anything.
        Arguments.of("${pick(1, 2)}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericTemplates")
  void templatesThatAreNotOneNumericExpressionAreText(String source, boolean singleNumber) {
    assertThat(parser.parse(source).isSingleNumber()).isEqualTo(singleNumber);
  }

  @Test
  void constantOnlyWithoutExpressions() {
    assertThat(parser.parse("/static/$${x}").isConstant()).isTrue();
    assertThat(parser.parse("/static/${model}").isConstant()).isFalse();
    assertThat(Template.literal("${model}").render(context(1))).isEqualTo("${model}");
  }
}
