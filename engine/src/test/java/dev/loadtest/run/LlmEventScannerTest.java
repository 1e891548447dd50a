package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the scanner reads out of one event, and which events it refuses. */
class LlmEventScannerTest {

  /** One row per shape of event: what it is, the event, content?, end of answer? */
  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of("role-only chunk: no content", "{\"choices\":[{\"index\":0,\"delta\":"
            + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}", false, false),
        Arguments.of("content chunk",
            "{\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}", true, false),
        Arguments.of("escaped content still counts",
            "{\"choices\":[{\"delta\":{\"content\":\"\\n\"}}]}", true, false),
        Arguments.of("finish chunk",
            "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}", false, true),
        Arguments.of("second choice is not read",
            "{\"choices\":[{\"delta\":{}},{\"delta\":{\"content\":\"x\"}}]}", false, false),
        Arguments.of("content under another key", "{\"delta\":{\"content\":\"x\"}}", false,
            false),
        Arguments.of("non-streamed message", "{\"choices\":[{\"message\":{\"content\":"
            + "\"Hello\"},\"finish_reason\":\"stop\"}]}", true, true),
        Arguments.of("legacy completions text", "{\"choices\":[{\"text\":\"Hello\"}]}", true,
            false),
        Arguments.of("Ollama chat line",
            "{\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}", true,
            false),
        Arguments.of("Ollama last line",
            "{\"message\":{\"content\":\"\"},\"done\":true,\"eval_count\":7}", false, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void readsContentAndTheEnd(String what, String event, boolean content, boolean finished) {
    LlmEventScanner scanner = new LlmEventScanner(false);
    assertThat(scan(scanner, event)).as(what).isNull();
    assertThat(scanner.hasContent).as(what).isEqualTo(content);
    assertThat(scanner.finished).as(what).isEqualTo(finished);
  }

  @Test
  void readsUsageWithCachedTokensAndTheModel() {
    LlmEventScanner scanner = new LlmEventScanner(true);
    String event = "{\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{"
        + "\"prompt_tokens\":120,\"completion_tokens\":37,\"total_tokens\":157,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":64}}}";

    assertThat(scan(scanner, event)).isNull();

    assertThat(scanner.promptTokens).isEqualTo(120);
    assertThat(scanner.completionTokens).isEqualTo(37);
    assertThat(scanner.cachedTokens).isEqualTo(64);
    assertThat(scanner.model).isEqualTo("gpt-4o-mini-2024-07-18");
  }

  @Test
  void usageOfNullIsNoUsage() {
    LlmEventScanner scanner = new LlmEventScanner(false);
    assertThat(scan(scanner, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":null}"))
        .isNull();
    assertThat(scanner.completionTokens).isEqualTo(-1);
  }

  @Test
  void anErrorMemberMarksAnErrorEvent() {
    LlmEventScanner scanner = new LlmEventScanner(false);
    assertThat(scan(scanner, "{\"error\":{\"message\":\"overloaded\"}}")).isNull();
    assertThat(scanner.isError).isTrue();
    assertThat(scan(scanner, "{\"error\":null,\"choices\":[]}")).isNull();
    assertThat(scanner.isError).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # what                 | event                                  | reason starts with
      unclosed string        | {"choices":[{"delta":{"content":"oops  | a string is not closed
      missing brace          | {"a":1                                 | the event ends early
      trailing text          | {"a":1} x                              | unexpected text after
      bare word              | {"a":tru}                              | expected a JSON value
      missing colon          | {"a" 1}                                | expected ':'
      not JSON at all        | hello                                  | expected a JSON value
      """)
  void refusesWhatIsNotJson(String what, String event, String reason) {
    assertThat(scan(new LlmEventScanner(false), event)).as(what).startsWith(reason);
  }

  private static String scan(LlmEventScanner scanner, String event) {
    byte[] bytes = ("xx" + event + "yy").getBytes(StandardCharsets.UTF_8);
    // The event sits inside a larger buffer, as it does in a stream.
    return scanner.scan(bytes, 2, bytes.length - 2);
  }
}
