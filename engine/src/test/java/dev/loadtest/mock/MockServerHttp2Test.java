package dev.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.plan.MockSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.Test;

/** Cleartext HTTP/2 on the same port as HTTP/1.1, both ways a client can ask for it. */
class MockServerHttp2Test {

  @Test
  void upgradesFromHttp1ToH2c() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    try (MockServer server = MockServer.start(MockSettings.DEFAULT)) {
      HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/h2c")).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.version()).as("%s", server).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"path\":\"/h2c\"");
    }
  }

  @Test
  void answersH2cWithPriorKnowledge() throws Exception {
    // Jetty's HTTP/2 client on http:// sends the HTTP/2 preface straight away, as the engine does.
    org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient(
        new HttpClientTransportOverHTTP2(new HTTP2Client()));
    client.start();
    try (MockServer server = MockServer.start(MockSettings.DEFAULT)) {
      ContentResponse response = client.newRequest(server.baseUri().resolve("/prior"))
          .method("POST")
          .body(new org.eclipse.jetty.client.StringRequestContent("application/json", "{}"))
          .timeout(10, TimeUnit.SECONDS)
          .send();

      assertThat(response.getVersion()).as("%s", server).isEqualTo(HttpVersion.HTTP_2);
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString()).contains("\"method\":\"POST\"");
    } finally {
      client.stop();
    }
  }
}
