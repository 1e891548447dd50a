package dev.loadtest.run;

import java.nio.charset.StandardCharsets;

/**
 * Reads one JSON event of an LLM answer in a single pass over its bytes, checking that it is
 * well-formed JSON and picking out the few values the LLM metrics need, without building a tree
 * or allocating (except the model name, taken only when asked for).
 *
 * <p>Understood shapes: OpenAI chat completions and completions, streamed or not
 * ({@code choices[0].delta.content}, {@code choices[0].message.content},
 * {@code choices[0].text}, {@code choices[0].finish_reason}, {@code usage.*}), and Ollama's
 * NDJSON ({@code message.content}, {@code response}, {@code done}, {@code prompt_eval_count},
 * {@code eval_count}). A top-level {@code error} member marks an error event.
 *
 * <p>Not thread-safe: one per exchange, reused for each of its events.
 */
final class LlmEventScanner {

  /** Deeper nesting than this is refused rather than risking the stack. */
  private static final int MAX_DEPTH = 64;

  // Key identities along the path; 0 is any other key.
  private static final int OTHER = 0;
  private static final int CHOICES = 1;
  private static final int FIRST = 2;
  private static final int DELTA = 3;
  private static final int CONTENT = 4;
  private static final int FINISH_REASON = 5;
  private static final int USAGE = 6;
  private static final int PROMPT_TOKENS = 7;
  private static final int COMPLETION_TOKENS = 8;
  private static final int PROMPT_DETAILS = 9;
  private static final int CACHED_TOKENS = 10;
  private static final int MESSAGE = 11;
  private static final int TEXT = 12;
  private static final int DONE = 13;
  private static final int MODEL = 14;
  private static final int PROMPT_EVAL_COUNT = 15;
  private static final int EVAL_COUNT = 16;
  private static final int RESPONSE = 17;
  private static final int ERROR = 18;

  private static final byte[][] KEYS = keys("", "choices", "", "delta", "content",
      "finish_reason", "usage", "prompt_tokens", "completion_tokens", "prompt_tokens_details",
      "cached_tokens", "message", "text", "done", "model", "prompt_eval_count", "eval_count",
      "response", "error");

  /**
   * The keys and indexes leading to the current value, {@code path[1]} the outermost. No value
   * the metrics read lies deeper than four levels, so deeper ones are not kept: at thousands of
   * open streams each, a full path per scanner would be a few megabytes.
   */
  private static final int KEPT_DEPTH = 4;
  private final int[] path = new int[KEPT_DEPTH + 1];
  private final boolean wantsModel;
  private byte[] bytes;
  private int at;
  private int end;

  // What the last event held.
  boolean hasContent;
  boolean finished;
  boolean isError;
  long promptTokens;
  long completionTokens;
  long cachedTokens;
  String model = "";

  /** @param wantsModel keep the model the answer names (when the plan does not know it) */
  LlmEventScanner(boolean wantsModel) {
    this.wantsModel = wantsModel;
  }

  /**
   * Scans one event; afterwards the fields describe it.
   *
   * @return null when the event is well-formed JSON, else why not
   */
  String scan(byte[] source, int from, int to) {
    bytes = source;
    at = from;
    end = to;
    hasContent = false;
    finished = false;
    isError = false;
    promptTokens = -1;
    completionTokens = -1;
    cachedTokens = -1;
    try {
      skipSpace();
      value(0);
      skipSpace();
      return at == end ? null : "unexpected text after the JSON value at byte " + (at - from);
    } catch (Malformed e) {
      return e.getMessage() + " at byte " + (at - from);
    } finally {
      // The array is the caller's: a stream between events holds no bytes.
      bytes = null;
    }
  }

  private void value(int depth) throws Malformed {
    if (at >= end) {
      throw new Malformed("the event ends early");
    }
    byte c = bytes[at];
    if (c == '{') {
      object(depth);
    } else if (c == '[') {
      array(depth);
    } else if (c == '"') {
      int start = at + 1;
      skipString();
      onString(depth, start, at - 1);
    } else if (c == '-' || c >= '0' && c <= '9') {
      onNumber(depth, number());
    } else if (literal("true")) {
      if (depth == 1 && path[1] == DONE) {
        finished = true;
      }
    } else if (!literal("false") && !literal("null")) {
      throw new Malformed("expected a JSON value");
    }
    markError(depth, c);
  }

  /** A top-level {@code error} member that is not null makes an error event. */
  private void markError(int depth, byte first) {
    if (depth == 1 && path[1] == ERROR && first != 'n') {
      isError = true;
    }
  }

  private void object(int depth) throws Malformed {
    if (depth >= MAX_DEPTH) {
      throw new Malformed("nested deeper than " + MAX_DEPTH);
    }
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw new Malformed("expected a quoted key");
      }
      int keyStart = at + 1;
      skipString();
      if (depth < KEPT_DEPTH) {
        path[depth + 1] = keyId(keyStart, at - 1);
      }
      skipSpace();
      expect(':');
      skipSpace();
      value(depth + 1);
      skipSpace();
      byte next = peek();
      at++;
      if (next == '}') {
        return;
      }
      if (next != ',') {
        throw new Malformed("expected , or } in an object");
      }
    }
  }

  private void array(int depth) throws Malformed {
    if (depth >= MAX_DEPTH) {
      throw new Malformed("nested deeper than " + MAX_DEPTH);
    }
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return;
    }
    for (int index = 0; ; index++) {
      if (depth < KEPT_DEPTH) {
        path[depth + 1] = index == 0 ? FIRST : OTHER;
      }
      skipSpace();
      value(depth + 1);
      skipSpace();
      byte next = peek();
      at++;
      if (next == ']') {
        return;
      }
      if (next != ',') {
        throw new Malformed("expected , or ] in an array");
      }
    }
  }

  private void onString(int depth, int start, int stop) {
    boolean nonEmpty = stop > start;
    if (depth == 4 && path[1] == CHOICES && path[2] == FIRST && path[4] == CONTENT
        && (path[3] == DELTA || path[3] == MESSAGE)
        || depth == 3 && path[1] == CHOICES && path[2] == FIRST && path[3] == TEXT
        || depth == 2 && path[1] == MESSAGE && path[2] == CONTENT
        || depth == 1 && path[1] == RESPONSE) {
      hasContent |= nonEmpty;
    } else if (depth == 3 && path[1] == CHOICES && path[2] == FIRST
        && path[3] == FINISH_REASON) {
      finished = true;
    } else if (depth == 1 && path[1] == MODEL && wantsModel && model.isEmpty()) {
      model = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
    }
  }

  private void onNumber(int depth, long value) {
    if (depth == 2 && path[1] == USAGE) {
      if (path[2] == PROMPT_TOKENS) {
        promptTokens = value;
      } else if (path[2] == COMPLETION_TOKENS) {
        completionTokens = value;
      }
    } else if (depth == 3 && path[1] == USAGE && path[2] == PROMPT_DETAILS
        && path[3] == CACHED_TOKENS) {
      cachedTokens = value;
    } else if (depth == 1 && path[1] == PROMPT_EVAL_COUNT) {
      promptTokens = value;
    } else if (depth == 1 && path[1] == EVAL_COUNT) {
      completionTokens = value;
    }
  }

  /** Reads a JSON number; returns its integer part, or -1 for a negative one. */
  private long number() throws Malformed {
    boolean negative = bytes[at] == '-';
    if (negative) {
      at++;
    }
    long value = 0;
    int digits = 0;
    while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
      value = value * 10 + (bytes[at++] - '0');
      digits++;
    }
    if (digits == 0) {
      throw new Malformed("a number without digits");
    }
    if (at < end && bytes[at] == '.') {
      at++;
      requireDigits();
    }
    if (at < end && (bytes[at] == 'e' || bytes[at] == 'E')) {
      at++;
      if (at < end && (bytes[at] == '+' || bytes[at] == '-')) {
        at++;
      }
      requireDigits();
    }
    return negative ? -1 : value;
  }

  private void requireDigits() throws Malformed {
    int start = at;
    while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
      at++;
    }
    if (at == start) {
      throw new Malformed("a number without digits");
    }
  }

  /** Moves past a string that starts at the current quote; escapes are checked, not decoded. */
  private void skipString() throws Malformed {
    at++;
    while (at < end) {
      byte c = bytes[at++];
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        if (at >= end) {
          break;
        }
        byte escaped = bytes[at++];
        if (escaped == 'u') {
          at += 4;
        } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
          throw new Malformed("a bad escape in a string");
        }
      } else if (c >= 0 && c < 0x20) {
        throw new Malformed("a control character in a string");
      }
    }
    throw new Malformed("a string is not closed");
  }

  private boolean literal(String word) {
    int length = word.length();
    if (end - at < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[at + i] != word.charAt(i)) {
        return false;
      }
    }
    at += length;
    return true;
  }

  private int keyId(int start, int stop) {
    int length = stop - start;
    for (int id = 1; id < KEYS.length; id++) {
      byte[] key = KEYS[id];
      if (length > 0 && key.length == length
          && java.util.Arrays.equals(bytes, start, stop, key, 0, length)) {
        return id;
      }
    }
    return OTHER;
  }

  private byte peek() throws Malformed {
    if (at >= end) {
      throw new Malformed("the event ends early");
    }
    return bytes[at];
  }

  private void expect(char c) throws Malformed {
    if (peek() != c) {
      throw new Malformed("expected '" + c + "'");
    }
    at++;
  }

  private void skipSpace() {
    while (at < end && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n'
        || bytes[at] == '\r')) {
      at++;
    }
  }

  private static byte[][] keys(String... names) {
    byte[][] keys = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      keys[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
    return keys;
  }

  /** Thrown within a scan only; cheap, as it carries no stack trace. */
  private static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public String toString() {
    return "LlmEventScanner[content=" + hasContent + ", finished=" + finished + ", usage "
        + promptTokens + "/" + completionTokens + "]";
  }
}
