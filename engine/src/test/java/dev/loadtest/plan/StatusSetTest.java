package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Status sets as written in specs: codes, classes like 2xx, and lists of both. */
class StatusSetTest {

  static Stream<Arguments> sets() {
    return Stream.of(
        // A class: 200 to 299, nothing else.
        Arguments.of(List.of("2xx"), List.of(200, 250, 299), List.of(199, 300, 304)),
        // One code.
        Arguments.of(List.of("200"), List.of(200), List.of(201, 204, 299)),
        // A list of codes.
        Arguments.of(List.of("200", "201"), List.of(200, 201), List.of(202)),
        // A class and a code: accept rate-limited answers too.
        Arguments.of(List.of("2xx", "429"), List.of(200, 299, 429), List.of(300, 428, 430, 500)),
        // The top class.
        Arguments.of(List.of("5xx"), List.of(500, 599), List.of(499, 200)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void containsExactlyTheWrittenCodes(
      List<String> written, List<Integer> inside, List<Integer> outside) {
    StatusSet set = StatusSet.parse(written);

    assertThat(inside).allMatch(set::contains);
    assertThat(outside).noneMatch(set::contains);
    assertThat(set.describe()).isEqualTo(String.join(", ", written));
  }

  @Test
  void successfulMeansTwoAndThreeHundreds() {
    List<Integer> accepted = IntStream.range(0, 700)
        .filter(StatusSet.SUCCESSFUL::contains).boxed().toList();

    assertThat(accepted).hasSize(200).startsWith(200).endsWith(399);
    assertThat(StatusSet.SUCCESSFUL.describe()).isEqualTo("2xx, 3xx");
    assertThat(StatusSet.SUCCESSFUL.contains(-1)).isFalse();
  }

  @Test
  void cannotBeChangedThroughItsCodes() {
    StatusSet set = StatusSet.parse(List.of("200"));

    set.codes().set(500);

    assertThat(set.contains(500)).isFalse();
  }
}
