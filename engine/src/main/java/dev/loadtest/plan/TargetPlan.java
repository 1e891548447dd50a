package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;

/**
 * The system under test and how to connect to it.
 *
 * @param endpoint a remote base URI or the built-in mock
 * @param headers sent with every request (a request's own headers win)
 * @param connectTimeout limit on opening a connection
 * @param requestTimeout default limit on a whole exchange
 * @param maxConnections connection pool size; 0 means "one per peak user"
 * @param httpVersion HTTP/1.1 or HTTP/2
 * @param followRedirects whether 3xx responses are followed
 */
public record TargetPlan(
    Endpoint endpoint,
    List<HeaderTemplate> headers,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConnections,
    HttpVersion httpVersion,
    boolean followRedirects) {

  public TargetPlan {
    headers = List.copyOf(headers);
  }

  /** The HTTP versions a target may speak. */
  public enum HttpVersion { HTTP_1_1, HTTP_2 }

  /** Pool size for a run with the given peak users. */
  public int maxConnections(int peakUsers) {
    return maxConnections > 0 ? maxConnections : Math.max(1, peakUsers);
  }

  public String describe() {
    return endpoint.describe() + " over " + (httpVersion == HttpVersion.HTTP_2 ? "HTTP/2" : "HTTP/1.1")
        + ", connect timeout " + dev.loadtest.spec.Quantities.formatDuration(connectTimeout)
        + ", request timeout " + dev.loadtest.spec.Quantities.formatDuration(requestTimeout);
  }
}
