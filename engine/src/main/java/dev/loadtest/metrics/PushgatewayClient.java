package dev.loadtest.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pushes a text-format page to a Prometheus Pushgateway under the grouping key
 * {@code job/JOB/run_id/RUN_ID} (and {@code /worker/I} for one worker of a segmented run, so
 * that workers do not replace each other's group), replacing what that group held (HTTP PUT).
 * Thread-safe.
 */
final class PushgatewayClient {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI groupUri;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  PushgatewayClient(URI gateway, String job, String runId) {
    this(gateway, job, runId, "");
  }

  /** @param worker the worker label's value, or empty for a whole run */
  PushgatewayClient(URI gateway, String job, String runId, String worker) {
    String base = gateway.toString().replaceAll("/+$", "");
    this.groupUri = URI.create(base + "/metrics/job/" + encode(job) + "/"
        + MetricNames.RUN_ID_LABEL + "/" + encode(runId)
        + (worker.isEmpty() ? "" : "/" + MetricNames.WORKER_LABEL + "/" + encode(worker)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends one page.
   *
   * @throws IOException when the gateway cannot be reached or answers with an error
   */
  void push(String textPage) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(groupUri).timeout(TIMEOUT)
        .header("Content-Type", MetricsServer.CONTENT_TYPE)
        .PUT(HttpRequest.BodyPublishers.ofString(textPage)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + groupUri + ": "
          + response.body().strip());
    }
  }

  URI groupUri() {
    return groupUri;
  }

  @Override
  public String toString() {
    return "PushgatewayClient[" + groupUri + "]";
  }
}
