package dev.loadtest.mock;

import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies the mock sends. Fixed bodies are encoded once; the echo body is written straight
 * into one exactly-sized array, because it is built for every request at benchmark rates.
 *
 * <p>Stateless and thread-safe. Callers must not modify the shared arrays.
 */
final class JsonBodies {

  static final byte[] HEALTHY = ascii("{\"status\":\"healthy\"}");
  static final byte[] SERVER_ERROR = ascii("{\"error\":\"mock failure\"}");
  static final byte[] RATE_LIMITED = ascii("{\"error\":\"rate limited\"}");

  private static final byte[] ECHO_BEFORE_PATH = ascii("{\"ok\":true,\"path\":\"");
  private static final byte[] ECHO_BEFORE_METHOD = ascii("\",\"method\":\"");
  private static final byte[] ECHO_BEFORE_ID = ascii("\",\"id\":\"");
  private static final byte[] ECHO_END = ascii("\",\"status\":\"ok\"}");
  private static final int ECHO_FIXED_BYTES = ECHO_BEFORE_PATH.length
      + ECHO_BEFORE_METHOD.length + ECHO_BEFORE_ID.length + ECHO_END.length;

  private JsonBodies() {}

  /**
   * The body of a successful answer:
   * {@code {"ok":true,"path":"/a","method":"GET","id":"7","status":"ok"}}.
   *
   * @param id the request's sequence number, not negative
   */
  static byte[] echo(String path, String method, long id) {
    if (!isPlain(path) || !isPlain(method)) {
      return echoEscaped(path, method, id);
    }
    int idDigits = decimalDigits(id);
    byte[] body = new byte[ECHO_FIXED_BYTES + path.length() + method.length() + idDigits];
    int at = put(body, 0, ECHO_BEFORE_PATH);
    at = putAscii(body, at, path);
    at = put(body, at, ECHO_BEFORE_METHOD);
    at = putAscii(body, at, method);
    at = put(body, at, ECHO_BEFORE_ID);
    at = putDecimal(body, at, idDigits, id);
    put(body, at, ECHO_END);
    return body;
  }

  /** The slow path, for paths with quotes, backslashes, control or non-ASCII characters. */
  private static byte[] echoEscaped(String path, String method, long id) {
    StringBuilder text = new StringBuilder(ECHO_FIXED_BYTES + path.length() + 32);
    text.append("{\"ok\":true,\"path\":\"");
    appendEscaped(text, path);
    text.append("\",\"method\":\"");
    appendEscaped(text, method);
    text.append("\",\"id\":\"").append(id).append("\",\"status\":\"ok\"}");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends a JSON string's content; non-ASCII stays as UTF-8, which JSON allows. */
  static void appendEscaped(StringBuilder text, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
  }

  /** True if every character can be copied into a JSON string as one byte, unescaped. */
  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static int decimalDigits(long value) {
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  private static int putDecimal(byte[] body, int at, int digits, long value) {
    long rest = value;
    for (int i = at + digits - 1; i >= at; i--) {
      body[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    return at + digits;
  }

  private static int putAscii(byte[] body, int at, String value) {
    for (int i = 0; i < value.length(); i++) {
      body[at + i] = (byte) value.charAt(i);
    }
    return at + value.length();
  }

  private static int put(byte[] body, int at, byte[] part) {
    System.arraycopy(part, 0, body, at, part.length);
    return at + part.length;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
