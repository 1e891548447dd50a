package dev.loadtest.mock;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests of one path (or of every path nobody else claims).
 *
 * <p>Contract: {@link #handle} is called on Jetty's I/O threads, possibly on the selector
 * itself, so it must never block; anything slow is scheduled. It must complete the callback
 * exactly once, now or later, usually by passing it to the last {@code response.write}.
 * Implementations are shared by all requests and must be thread-safe.
 */
@FunctionalInterface
interface MockRoute {

  /** Answers one request, now or later; never blocks. */
  void handle(Request request, Response response, Callback callback);
}
