package dev.loadtest.mock;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every request, then hands it to the route registered for its exact path, or to the
 * fallback route. Exact paths are one hash lookup; a route for a family of paths (such as
 * {@code /jobs/{id}}) would be added here as a prefix list tried before the fallback.
 *
 * <p>Immutable after construction and thread-safe; declared non-blocking so Jetty may call it
 * on the thread that parsed the request.
 */
final class MockRouter extends Handler.Abstract.NonBlocking {

  private final Map<String, MockRoute> routesByPath;
  private final MockRoute fallback;
  private final RequestCounters counters;

  MockRouter(Map<String, MockRoute> routesByPath, MockRoute fallback, RequestCounters counters) {
    this.routesByPath = Map.copyOf(routesByPath);
    this.fallback = fallback;
    this.counters = counters;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = pathOf(request);
    counters.record(path);
    routesByPath.getOrDefault(path, fallback).handle(request, response, callback);
    return true;
  }

  /** The request's path as sent, still percent-encoded; "/" when it has none. */
  static String pathOf(Request request) {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public String toString() {
    return "MockRouter@" + Integer.toHexString(System.identityHashCode(this)) + "{routes "
        + routesByPath.keySet() + ", fallback " + fallback + ", " + counters + "}";
  }
}
