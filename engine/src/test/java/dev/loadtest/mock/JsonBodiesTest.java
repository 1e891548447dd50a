package dev.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonBodiesTest {

  static Stream<Arguments> echoCases() {
    return Stream.of(
        // The common case: plain ASCII, written without escaping.
        Arguments.of("/api/items", "GET", 0L,
            "{\"ok\":true,\"path\":\"/api/items\",\"method\":\"GET\",\"id\":\"0\","
                + "\"status\":\"ok\"}"),
        // Multi-digit ids are written most significant digit first.
        Arguments.of("/", "POST", 9_876_543_210L,
            "{\"ok\":true,\"path\":\"/\",\"method\":\"POST\",\"id\":\"9876543210\","
                + "\"status\":\"ok\"}"),
        // Percent-encoded paths are echoed as sent.
        Arguments.of("/a%20b", "GET", 10L,
            "{\"ok\":true,\"path\":\"/a%20b\",\"method\":\"GET\",\"id\":\"10\",\"status\":\"ok\"}"),
        // Quotes and backslashes must not end the JSON string.
        Arguments.of("/say\"hi\\", "GET", 1L,
            "{\"ok\":true,\"path\":\"/say\\\"hi\\\\\",\"method\":\"GET\",\"id\":\"1\","
                + "\"status\":\"ok\"}"),
        // Control characters become \\u escapes.
        Arguments.of("/tab\there", "GET", 2L,
            "{\"ok\":true,\"path\":\"/tab\\u0009here\",\"method\":\"GET\",\"id\":\"2\","
                + "\"status\":\"ok\"}"),
        // Non-ASCII stays as UTF-8, which JSON allows.
        Arguments.of("/caf\u00e9", "GET", 3L,
            "{\"ok\":true,\"path\":\"/caf\u00e9\",\"method\":\"GET\",\"id\":\"3\","
                + "\"status\":\"ok\"}"));
  }

  @ParameterizedTest
  @MethodSource("echoCases")
  void echoBodyIsValidJsonWithPathMethodAndId(String path, String method, long id,
      String expected) {
    assertThat(new String(JsonBodies.echo(path, method, id), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }
}
