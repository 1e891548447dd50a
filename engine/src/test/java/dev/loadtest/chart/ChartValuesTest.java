package dev.loadtest.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json stops bad values before anything is rendered: helm template (and so
 * helm install) fails with a message naming the value. One case per mistake.
 */
class ChartValuesTest {

  /**
   * A bad value and the words helm's error must contain.
   *
   * @param sets the values given with --set
   * @param message the part of helm's error that names the mistake
   */
  record Mistake(String name, Map<String, Object> sets, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mistake> mistakes() {
    return Stream.of(
        // No worker at all.
        new Mistake("zero workers", Map.of("workers", 0),
            "at '/workers': minimum: got 0, want 1"),
        // The count as words.
        new Mistake("workers as text", Map.of("workers", "seven"),
            "at '/workers': got string, want integer"),
        // A misspelt key is an error, as in the spec (additionalProperties false).
        new Mistake("unknown key", Map.of("worker", 3),
            "additional properties 'worker' not allowed"),
        // A key misspelt one level down.
        new Mistake("unknown nested key", Map.of("metrics.prot", 9464),
            "at '/metrics': additional properties 'prot' not allowed"),
        // A start delay Go's duration parser would not read the way it looks.
        new Mistake("start delay in words", Map.of("startDelay", "soon"),
            "at '/startDelay': 'soon' does not match"),
        // A start instant that is not ISO-8601 UTC.
        new Mistake("local start time", Map.of("startAt", "2027-01-31 09:00"),
            "at '/startAt'"),
        // A run id must fit a folder name and a label value.
        new Mistake("run id with a slash", Map.of("runId", "a/b"), "at '/runId'"),
        // A privileged port, which a non-root worker cannot bind.
        new Mistake("privileged metrics port", Map.of("metrics.port", 80),
            "at '/metrics/port': minimum: got 80"),
        // An anti-affinity mode the chart does not know.
        new Mistake("anti-affinity mode", Map.of("spread.antiAffinity", "always"),
            "at '/spread/antiAffinity': value must be one of"),
        // A --set item without '='.
        new Mistake("set item without value", Map.of("set[0]", "load.users"),
            "at '/set/0': 'load.users' does not match"),
        // Neither an inline spec nor a ConfigMap: nothing to run.
        new Mistake("no spec", Map.of("spec.inline", ""),
            "at '/spec': 'anyOf' failed"),
        // A Pushgateway given without its scheme.
        new Mistake("pushgateway without scheme",
            Map.of("metrics.pushgatewayUrl", "pushgateway:9091"),
            "at '/metrics/pushgatewayUrl'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void isRefusedBeforeRendering(Mistake mistake) {
    assertThatThrownBy(() -> HelmChart.render(mistake.sets()))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(mistake.message());
  }
}
