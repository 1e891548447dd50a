package dev.loadtest.mock;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /health}: answers {@code 200 {"status":"healthy"}} at once, whatever the settings, so
 * readiness checks neither wait for simulated latency nor see simulated failures, and do not
 * consume a draw from the outcome sequence. Stateless and thread-safe.
 */
final class HealthRoute implements MockRoute {

  static final String PATH = "/health";

  @Override
  public void handle(Request request, Response response, Callback callback) {
    JsonResponses.send(response, callback, 200, JsonBodies.HEALTHY);
  }

  @Override
  public String toString() {
    return "HealthRoute{" + PATH + "}";
  }
}
