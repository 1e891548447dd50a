package dev.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {

  @Test
  void readsSamplesLabelsAndSpecialValues() {
    String page = """
        # HELP pilotpros_system_health Health score.
        # TYPE pilotpros_system_health gauge
        pilotpros_system_health 92.5
        cache_hits_total{cache="redis",note="a \\"quoted\\", value"} 17 1700000000000
        cpu_ratio{core="0"} +Inf
        broken{label=unquoted} 1
        """;
    PrometheusTextParser parser = new PrometheusTextParser();
    List<PrometheusTextParser.Sample> samples = parser.parse(page);

    assertThat(samples).containsExactly(
        new PrometheusTextParser.Sample("pilotpros_system_health", Map.of(), 92.5),
        new PrometheusTextParser.Sample("cache_hits_total",
            Map.of("cache", "redis", "note", "a \"quoted\", value"), 17),
        new PrometheusTextParser.Sample("cpu_ratio", Map.of("core", "0"),
            Double.POSITIVE_INFINITY));
    assertThat(parser.skippedLines()).as(parser.toString()).isEqualTo(1);
  }
}
