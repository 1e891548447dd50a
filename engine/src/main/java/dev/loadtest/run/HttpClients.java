package dev.loadtest.run;

import dev.loadtest.plan.TargetPlan;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** Builds the Jetty client a run uses, tuned for generating load rather than browsing. */
final class HttpClients {

  /**
   * The pool runs HTTP/2's callbacks and what Jetty hands off (connecting, a completion
   * that would recurse); HTTP/1.1 responses stay on the selectors. Callbacks are short: a
   * few threads per core keep the cores busy without contention.
   */
  private static final int THREADS_PER_CORE = 4;

  private HttpClients() {}

  static HttpClient start(TargetPlan target, int connections) throws Exception {
    ClientConnector connector = new ClientConnector();
    // One selector per core: each reads, judges and records its own connections' responses
    // (below), so a core without a selector of its own would sit idle.
    connector.setSelectors(Runtime.getRuntime().availableProcessors());
    HttpClientTransport transport;
    if (target.httpVersion() == TargetPlan.HttpVersion.HTTP_2) {
      transport = new HttpClientTransportOverHTTP2(new HTTP2Client(connector));
    } else {
      transport = new HttpClientTransportOverHTTP(connector);
      transport.setConnectionPoolFactory(
          destination -> new IdleStackConnectionPool(destination, connections));
      // Responses are read, judged and recorded on the selector thread that read them, and
      // the next request is sent from there: our callbacks never block, and handing each
      // response to a pool thread cost more than all of loadtest's own work per request.
      // Limitation: a costly check (a large JSON body, a slow regex) runs on the selector
      // thread, so the responses of that selector's other connections wait for it and their
      // latency includes the wait.
      transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
    }
    HttpClient client = new HttpClient(transport);
    int poolSize = Math.max(8, THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    // Every thread is started up front: a thread started mid-run shows up as generator lag.
    QueuedThreadPool threads = new QueuedThreadPool(poolSize, poolSize);
    threads.setName("loadtest-http");
    threads.setDaemon(true);
    client.setExecutor(threads);
    client.setScheduler(new ScheduledExecutorScheduler("loadtest-http-scheduler", true));
    client.setMaxConnectionsPerDestination(connections);
    // Every virtual user may queue one request while connections are busy.
    client.setMaxRequestsQueuedPerDestination(Math.max(1024, connections * 2));
    client.setConnectTimeout(target.connectTimeout().toMillis());
    client.setIdleTimeout(Math.max(30_000, target.requestTimeout().toMillis() * 2));
    client.setFollowRedirects(target.followRedirects());
    // Virtual users must not share one cookie jar; per-user sessions come with flows.
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    // Measure the target, not our decompression: bodies are taken as the server sends them.
    client.getContentDecoderFactories().clear();
    client.setUserAgentField(new org.eclipse.jetty.http.HttpField(
        org.eclipse.jetty.http.HttpHeader.USER_AGENT, "loadtest/" + Version.current()));
    client.start();
    return client;
  }
}
