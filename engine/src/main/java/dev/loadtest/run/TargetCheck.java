package dev.loadtest.run;

import dev.loadtest.plan.HeaderTemplate;
import dev.loadtest.plan.Preflight;
import dev.loadtest.plan.TargetPlan;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Makes sure the target is there before load starts: runs the spec's preflight request, or,
 * without one, opens and closes one TCP connection. A run against nothing should fail in a
 * second with a clear reason, not after minutes of connection errors.
 */
final class TargetCheck {

  private TargetCheck() {}

  static void verify(HttpClient client, URI baseUri, TargetPlan target, Preflight preflight)
      throws RunFailedException, InterruptedException {
    if (preflight instanceof Preflight.HttpPreflight http) {
      runPreflight(client, baseUri, target, http);
    } else {
      connectOnce(baseUri, target);
    }
  }

  private static void runPreflight(HttpClient client, URI baseUri, TargetPlan target,
      Preflight.HttpPreflight preflight) throws RunFailedException, InterruptedException {
    String what = "preflight " + preflight.method() + " " + baseUri + preflight.path();
    try {
      ContentResponse response = client.newRequest(baseUri + preflight.path())
          .method(preflight.method().name())
          .timeout(preflight.timeout().toMillis(), TimeUnit.MILLISECONDS)
          .headers(headers -> {
            for (HeaderTemplate header : target.headers()) {
              headers.put(header.name(), header.value().source());
            }
            for (HeaderTemplate header : preflight.headers()) {
              headers.put(header.name(), header.value().source());
            }
          })
          .send();
      if (!preflight.expectStatus().contains(response.getStatus())) {
        throw new RunFailedException(what + " answered HTTP " + response.getStatus()
            + ", expected " + preflight.expectStatus().describe());
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new RunFailedException(what + " failed: " + FailureClassifier.messageOf(e), e);
    }
  }

  private static void connectOnce(URI baseUri, TargetPlan target) throws RunFailedException {
    int port = baseUri.getPort() > 0 ? baseUri.getPort()
        : "https".equals(baseUri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(baseUri.getHost(), port),
          (int) target.connectTimeout().toMillis());
    } catch (IOException e) {
      throw new RunFailedException("cannot reach the target " + baseUri.getHost() + ":" + port
          + ": " + FailureClassifier.messageOf(e), e);
    }
  }
}
