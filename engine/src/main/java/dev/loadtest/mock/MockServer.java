package dev.loadtest.mock;

import dev.loadtest.plan.MockSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The built-in mock target, running: one port that speaks HTTP/1.1 and cleartext HTTP/2 (h2c,
 * by upgrade or prior knowledge). {@code GET /health} answers at once; every other path answers
 * after a delay drawn from {@link MockSettings#latency()}, failing with 500 or 429 at the
 * configured rates (see {@link OutcomeSequence} for what the seed makes deterministic).
 *
 * <p>Waiting requests hold no threads, so a small pool serves tens of thousands of concurrent
 * requests. Threads are daemons: a forgotten server does not keep the JVM alive.
 *
 * <p>Thread-safe: the counters may be read while requests are served; {@link #close()} may be
 * called from any thread, more than once.
 */
public final class MockServer implements AutoCloseable {

  /** Where the mock listens unless told otherwise: loopback only, never the network. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Nothing in the mock blocks; the pool only needs room for selectors and bursts of writes. */
  static final int DEFAULT_MAX_THREADS = 32;

  /** How long {@link #close()} lets requests still waiting out their delay finish, in ms. */
  static final long STOP_TIMEOUT_MILLIS = 2_000;

  /** How long idle connections may stay open once close() begins, in ms. */
  private static final long SHUTDOWN_IDLE_TIMEOUT_MILLIS = 100;

  /** Load tests open connections in bursts; the OS default backlog of 50 would drop SYNs. */
  private static final int ACCEPT_QUEUE_SIZE = 16_384;

  /** Header cache entries per connection parser; Jetty's default makes 10,000 connections 1 GB. */
  private static final int HEADER_CACHE_SIZE = 64;

  /**
   * Buffers kept per size: Jetty looks for a free buffer by scanning its bucket, and with
   * 10,000 streams writing at once its default bucket of 256 busy buffers made that scan 38% of
   * the mock's CPU. A buffer beyond these is allocated and left to the garbage collector.
   */
  private static final int BUFFERS_PER_SIZE = 32;

  /**
   * Output buffers on the heap. Every streamed chunk takes a small buffer for its chunk header;
   * at 10,000 streams many of those found the bucket busy and were allocated anew, and as
   * direct buffers they filled the JVM's direct memory every two seconds, each time making the
   * JDK call System.gc(): a full collection that froze every stream for 100-170 ms. On the
   * heap they are young garbage the next minor collection reclaims.
   */
  private static final boolean OUTPUT_DIRECT_BUFFERS = false;

  /** Per-connection buffer size: requests and answers of the mock are small. */
  private static final int SMALL_BUFFER_BYTES = 4 * 1024;

  /** h2c clients may multiplex this many waiting requests on one connection (Jetty: 128). */
  private static final int MAX_STREAMS_PER_CONNECTION = 1_024;

  private final Server server;
  private final ServerConnector connector;
  private final MockSettings settings;
  private final RequestCounters counters;
  private final URI baseUri;

  private MockServer(Server server, ServerConnector connector, MockSettings settings,
      RequestCounters counters, String host) {
    this.server = server;
    this.connector = connector;
    this.settings = settings;
    this.counters = counters;
    this.baseUri = httpUri(host, connector.getLocalPort());
  }

  /** Starts a mock on a free loopback port. */
  public static MockServer start(MockSettings settings) throws IOException {
    return start(settings, DEFAULT_HOST, 0);
  }

  /**
   * Starts a mock and returns once it accepts connections.
   *
   * @param host the address to bind, usually {@link #DEFAULT_HOST}
   * @param port the TCP port, or 0 for a free one (see {@link #port()})
   * @throws IOException if the address cannot be bound, e.g. the port is taken
   */
  public static MockServer start(MockSettings settings, String host, int port)
      throws IOException {
    return start(settings, host, port, DEFAULT_MAX_THREADS);
  }

  /** As {@link #start(MockSettings, String, int)}, with a bound on the server's threads. */
  static MockServer start(MockSettings settings, String host, int port, int maxThreads)
      throws IOException {
    httpUri(host, port); // rejects an unusable host before anything needs stopping
    Server server = new Server(threadPool(maxThreads), scheduler(), bufferPool());
    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    ServerConnector connector = connector(server, host, port);
    server.addConnector(connector);

    RequestCounters counters = new RequestCounters();
    GracefulHandler graceful = new GracefulHandler(router(settings, server, counters));
    // Idle keep-alive connections would otherwise hold close() for Jetty's default second.
    graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MILLIS);
    server.setHandler(graceful);
    startOrRelease(server, host, port);
    return new MockServer(server, connector, settings, counters, host);
  }

  private static MockRouter router(MockSettings settings, Server server,
      RequestCounters counters) {
    OutcomeSequence outcomes = new OutcomeSequence(settings);
    EchoRoute echo = new EchoRoute(outcomes, server.getScheduler(), settings.stall());
    ChatCompletionsRoute chat = new ChatCompletionsRoute(settings, outcomes,
        server.getScheduler());
    Map<String, MockRoute> routes = new java.util.HashMap<>();
    routes.put(HealthRoute.PATH, new HealthRoute());
    routes.put(ChatCompletionsRoute.PATH, chat);
    routes.put(ModelsRoute.PATH, new ModelsRoute(settings.llm().model()));
    routes.put(MockMetricsRoute.PATH, new MockMetricsRoute(counters, chat,
        settings.errorRate() + settings.rateLimitRate()));
    List<Map.Entry<String, MockRoute>> families = List.of(
        Map.entry(AgentJobsRoute.PREFIX,
            new AgentJobsRoute(outcomes, server.getScheduler(), settings.seed())),
        Map.entry(ConversationsRoute.PREFIX,
            new ConversationsRoute(outcomes, server.getScheduler())));
    return new MockRouter(routes, families, echo, counters);
  }

  private static QueuedThreadPool threadPool(int maxThreads) {
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads));
    pool.setName("loadtest-mock");
    pool.setDaemon(true);
    return pool;
  }

  private static ByteBufferPool bufferPool() {
    // Jetty's defaults for sizes and memory; only the bucket size differs.
    return new ArrayByteBufferPool(0, -1, -1, BUFFERS_PER_SIZE);
  }

  private static ScheduledExecutorScheduler scheduler() {
    // Delayed answers are written from scheduler threads; one per two cores spreads that work.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new ScheduledExecutorScheduler("loadtest-mock-delays", true, Math.min(threads, 4));
  }

  private static HttpConnectionFactory http1(HttpConfiguration http) {
    HttpConnectionFactory factory = new HttpConnectionFactory(http);
    factory.setInputBufferSize(SMALL_BUFFER_BYTES);
    factory.setUseOutputDirectByteBuffers(OUTPUT_DIRECT_BUFFERS);
    return factory;
  }

  private static ServerConnector connector(Server server, String host, int port) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // Answers are a few hundred bytes; Jetty's default 32 KiB buffers per connection would
    // need gigabytes of heap at the 10,000 connections a load test opens.
    http.setOutputBufferSize(SMALL_BUFFER_BYTES);
    http.setOutputAggregationSize(SMALL_BUFFER_BYTES / 4);
    http.setResponseHeaderSize(SMALL_BUFFER_BYTES);
    // Each connection's parser keeps a header cache of about 100 KiB (two tries); clients of
    // a load test send the same few headers, so a small cache loses nothing.
    http.setHeaderCacheSize(HEADER_CACHE_SIZE);
    HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(http);
    h2c.setMaxConcurrentStreams(MAX_STREAMS_PER_CONNECTION);
    h2c.setUseOutputDirectByteBuffers(OUTPUT_DIRECT_BUFFERS);

    ServerConnector connector =
        new ServerConnector(server, 1, selectors(), http1(http), h2c);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
    return connector;
  }

  /** Jetty's default grows with the core count and could outgrow the small thread pool. */
  private static int selectors() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
  }

  private static void startOrRelease(Server server, String host, int port) throws IOException {
    try {
      server.start();
    } catch (Exception failure) {
      stopQuietly(server, failure);
      throw new IOException("the mock target could not listen on " + host + ":" + port + ": "
          + rootMessage(failure), failure);
    }
  }

  private static void stopQuietly(Server server, Exception original) {
    try {
      server.stop();
    } catch (Exception secondFailure) {
      original.addSuppressed(secondFailure);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  private static URI httpUri(String host, int port) {
    try {
      // This constructor brackets IPv6 literals such as ::1.
      return new URI("http", null, host, port, null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable host name: '" + host + "'", e);
    }
  }

  /** Where the mock answers, without a trailing slash: {@code http://127.0.0.1:8000}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The TCP port bound, useful when started with port 0; still known after close. */
  public int port() {
    return baseUri.getPort();
  }

  /** The settings the mock was started with. */
  public MockSettings settings() {
    return settings;
  }

  /**
   * Requests received on every path, /health included. A request is counted on arrival, so
   * once a client has its answer the request is already in this count.
   */
  public long requestCount() {
    return counters.total();
  }

  /**
   * Requests received by path as sent (still percent-encoded), an immutable copy. After
   * {@value RequestCounters#MAX_DISTINCT_PATHS} distinct paths, new ones are counted together
   * under {@value RequestCounters#OTHER_PATHS}.
   */
  public Map<String, Long> requestCountsByPath() {
    return counters.byPath();
  }

  /** The protocols the port speaks, e.g. {@code [http/1.1, h2c]}. */
  public List<String> protocols() {
    return connector.getProtocols();
  }

  /** The Jetty thread pool, so tests can check that waiting requests hold no threads. */
  QueuedThreadPool threadPool() {
    return (QueuedThreadPool) server.getThreadPool();
  }

  /**
   * Stops accepting, lets requests still in their delay finish for up to
   * {@value #STOP_TIMEOUT_MILLIS} ms, then stops. Idempotent.
   *
   * <p>Limitation: answers still waiting after that are cut off with their connections, so a
   * mock with delays longer than the stop timeout loses them on close.
   *
   * @throws IllegalStateException if Jetty fails to stop
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop " + this, e);
    }
  }

  @Override
  public String toString() {
    return "MockServer@" + Integer.toHexString(System.identityHashCode(this)) + "{" + baseUri
        + ", " + server.getState() + ", requests " + counters.total() + ", "
        + settings.describe() + "}";
  }
}
