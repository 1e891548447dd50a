package dev.loadtest.mock;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a streamed chat answer for one model name, encoded once: the role chunk, a small
 * vocabulary of one-token content chunks, the finish chunk and the end marker. Only the usage
 * chunk, whose numbers differ per answer, is encoded per stream. Immutable and thread-safe.
 */
final class ChatChunks {

  /** Words the mock "generates", one per chunk; the answer text cycles through them. */
  static final String[] WORDS = {"The ", "quick ", "mock ", "answers ", "with ", "steady ",
      "tokens ", "so ", "load ", "tests ", "can ", "measure ", "every ", "gap ", "well", ". "};
  static final byte[] DONE = ascii("data: [DONE]\n\n");
  /** Not JSON at all: the fault {@code bad-json} sends it in place of a content chunk. */
  static final byte[] BAD_JSON = ascii("data: {\"choices\":[{\"delta\":{\"content\":\"oops\n\n");

  final String model;
  final byte[] role;
  final byte[][] content;
  final byte[] finish;
  private final String prefix;

  ChatChunks(String model) {
    this.model = model;
    this.prefix = "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1700000000,\"model\":\"" + escape(model) + "\",\"choices\":[";
    this.role = ascii(prefix + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"finish_reason\":null}]}\n\n");
    this.content = new byte[WORDS.length][];
    for (int i = 0; i < WORDS.length; i++) {
      content[i] = ascii(prefix + "{\"index\":0,\"delta\":{\"content\":\"" + WORDS[i]
          + "\"},\"finish_reason\":null}]}\n\n");
    }
    this.finish = ascii(prefix + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
  }

  /** The last chunks of a stream: finish, usage when asked for, and the end marker. */
  byte[] tail(boolean includeUsage, int promptTokens, int completionTokens, int cachedTokens) {
    StringBuilder text = new StringBuilder(new String(finish, StandardCharsets.US_ASCII));
    if (includeUsage) {
      text.append(prefix).append("],").append(usage(promptTokens, completionTokens,
          cachedTokens)).append("}\n\n");
    }
    text.append("data: [DONE]\n\n");
    return ascii(text.toString());
  }

  /** The usage member of an answer, as OpenAI reports it. */
  static String usage(int promptTokens, int completionTokens, int cachedTokens) {
    return "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
        + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
        + ",\"prompt_tokens_details\":{\"cached_tokens\":" + cachedTokens + "}}";
  }

  /** A whole non-streamed answer. */
  byte[] completion(int promptTokens, int completionTokens, int cachedTokens) {
    StringBuilder text = new StringBuilder(128 + completionTokens * 8);
    text.append("{\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\"").append(escape(model)).append("\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"");
    for (int i = 0; i < completionTokens; i++) {
      text.append(WORDS[i % WORDS.length]);
    }
    text.append("\"},\"finish_reason\":\"stop\"}],")
        .append(usage(promptTokens, completionTokens, cachedTokens)).append('}');
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    StringBuilder text = new StringBuilder(value.length() + 8);
    JsonBodies.appendEscaped(text, value);
    return text.toString();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
