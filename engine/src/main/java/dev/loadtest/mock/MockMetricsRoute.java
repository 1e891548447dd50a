package dev.loadtest.mock;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the mock's own Prometheus text, something for target monitors to
 * scrape: requests, chat answers, active streams, tokens streamed, the answer cache's hit
 * ratio, the process's CPU, and a health score from 0 to 100 that falls with the configured
 * error and 429 rates.
 * Thread-safe; each scrape reads the counters once.
 */
final class MockMetricsRoute implements MockRoute {

  static final String PATH = "/metrics";

  private static final PreEncodedHttpField TEXT_FORMAT = new PreEncodedHttpField(
      HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");

  private final RequestCounters counters;
  private final ChatCompletionsRoute chat;
  private final double healthScore;

  /** @param failureShare errors plus 429s as a share of answers, 0..1 */
  MockMetricsRoute(RequestCounters counters, ChatCompletionsRoute chat, double failureShare) {
    this.counters = counters;
    this.chat = chat;
    this.healthScore = 100 * (1 - failureShare);
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    response.setStatus(200);
    response.getHeaders().put(TEXT_FORMAT);
    response.write(true, ByteBuffer.wrap(text().getBytes(StandardCharsets.UTF_8)), callback);
  }

  String text() {
    long answers = chat.answers();
    double hitRatio = answers == 0 ? 0 : (double) chat.cacheHits() / answers;
    StringBuilder text = new StringBuilder(512);
    metric(text, "mock_requests_total", "counter", "Requests received, every path.",
        counters.total());
    metric(text, "mock_chat_completions_total", "counter", "Chat answers sent with 200.",
        answers);
    metric(text, "mock_active_streams", "gauge", "Chat answers streaming now.",
        chat.activeStreams());
    metric(text, "mock_streamed_tokens_total", "counter",
        "Content chunks written into streamed answers, one per token.", chat.streamedTokens());
    metric(text, "mock_cache_hit_ratio", "gauge", "Chat answers marked X-Cache: HIT, 0..1.",
        hitRatio);
    metric(text, "mock_cpu_ratio", "gauge", "The mock process's CPU use, 0..1 of all cores.",
        cpuRatio());
    metric(text, "mock_system_health", "gauge", "Health score, 0..100.", healthScore);
    return text.toString();
  }

  private static void metric(StringBuilder text, String name, String type, String help,
      double value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(' ').append(type).append('\n')
        .append(name).append(' ').append(String.format(Locale.ROOT, "%s", value)).append('\n');
  }

  private static double cpuRatio() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuLoad());
    }
    return 0;
  }

  @Override
  public String toString() {
    return "MockMetricsRoute{" + PATH + "}";
  }
}
