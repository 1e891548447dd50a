package dev.loadtest.mock;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every request, then hands it to the route registered for its exact path, else to the
 * first route whose prefix the path starts with (a family such as {@code /v1/agents/jobs/{id}}),
 * else to the fallback route. Exact paths are one hash lookup; the prefixes are few and tried
 * in order.
 *
 * <p>Immutable after construction and thread-safe; declared non-blocking so Jetty may call it
 * on the thread that parsed the request.
 */
final class MockRouter extends Handler.Abstract.NonBlocking {

  private final Map<String, MockRoute> routesByPath;
  private final List<Map.Entry<String, MockRoute>> routesByPrefix;
  private final MockRoute fallback;
  private final RequestCounters counters;

  MockRouter(Map<String, MockRoute> routesByPath, MockRoute fallback, RequestCounters counters) {
    this(routesByPath, List.of(), fallback, counters);
  }

  /**
   * @param routesByPrefix routes for families of paths: a path matches a prefix when it equals
   *     it or continues it after a '/'
   */
  MockRouter(Map<String, MockRoute> routesByPath,
      List<Map.Entry<String, MockRoute>> routesByPrefix, MockRoute fallback,
      RequestCounters counters) {
    this.routesByPath = Map.copyOf(routesByPath);
    this.routesByPrefix = List.copyOf(routesByPrefix);
    this.fallback = fallback;
    this.counters = counters;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = pathOf(request);
    counters.record(path);
    MockRoute route = routesByPath.get(path);
    (route != null ? route : byPrefix(path)).handle(request, response, callback);
    return true;
  }

  private MockRoute byPrefix(String path) {
    for (Map.Entry<String, MockRoute> entry : routesByPrefix) {
      String prefix = entry.getKey();
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return entry.getValue();
      }
    }
    return fallback;
  }

  /** The request's path as sent, still percent-encoded; "/" when it has none. */
  static String pathOf(Request request) {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public String toString() {
    return "MockRouter@" + Integer.toHexString(System.identityHashCode(this)) + "{routes "
        + routesByPath.keySet() + ", prefixes "
        + routesByPrefix.stream().map(Map.Entry::getKey).toList() + ", fallback " + fallback + ", " + counters + "}";
  }
}
