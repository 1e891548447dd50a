package dev.loadtest.mock;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/models}: the one model the mock serves, in OpenAI's list shape, answered at
 * once. Immutable and thread-safe.
 */
final class ModelsRoute implements MockRoute {

  static final String PATH = "/v1/models";

  private final byte[] body;

  ModelsRoute(String model) {
    StringBuilder text = new StringBuilder("{\"object\":\"list\",\"data\":[{\"id\":\"");
    JsonBodies.appendEscaped(text, model);
    text.append("\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"loadtest\"}]}");
    this.body = text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
    JsonResponses.send(response, callback, 200, body);
  }

  @Override
  public String toString() {
    return "ModelsRoute{" + PATH + "}";
  }
}
