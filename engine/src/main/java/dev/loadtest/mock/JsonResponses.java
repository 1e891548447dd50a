package dev.loadtest.mock;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends a complete JSON answer in one write. Stateless and thread-safe. */
final class JsonResponses {

  /** Headers are encoded once, not per response. */
  static final PreEncodedHttpField CONTENT_TYPE_JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  static final PreEncodedHttpField RETRY_AFTER_ONE_SECOND =
      new PreEncodedHttpField(HttpHeader.RETRY_AFTER, "1");

  private JsonResponses() {}

  /**
   * Writes status, content type and body, then completes the callback. A single last write lets
   * Jetty send a Content-Length instead of chunking.
   */
  static void send(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(CONTENT_TYPE_JSON);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
