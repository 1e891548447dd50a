package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadtest.plan.Overrides;
import dev.loadtest.plan.PlanCompiler;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.stats.LlmSummary;
import dev.loadtest.stats.StatsSnapshot;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams whose lines and events are cut at every place a network may cut them: a server on
 * loopback writes each answer as HTTP chunks of a fixed size, flushing each, and the engine
 * must read the same events, tokens and gaps whatever the size, over HTTP/1.1 (chunked) and
 * HTTP/2 (DATA frames).
 */
class StreamFramingTest {

  /** Comments, fields the metrics skip, CRLF and LF, a two-line event, usage, then [DONE]. */
  private static final String SSE = String.join("",
      ": keep-alive\r\n",
      "\r\n",
      "event: message\r\n",
      "id: 1\r\n",
      "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n",
      "\r\n",
      "data: {\"choices\":[{\"delta\":\r\n",
      "data: {\"content\":\"b\"}}]}\r\n",
      "\r\n",
      "data:{\"choices\":[{\"delta\":{\"content\":\"c\"}}]}\n",
      "\n",
      "data: {\"choices\":[{\"delta\":{\"content\":\"d\"},\"finish_reason\":\"stop\"}]}\r\n",
      "\r\n",
      "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":4}}\r\n",
      "\r\n",
      "data: [DONE]\r\n",
      "\r\n");

  /** An event longer than a reading thread's arrays, then a short one; no usage. */
  private static final String LONG_SSE = "data: {\"choices\":[{\"delta\":{\"content\":\""
      + "x".repeat(40_000) + "\"}}]}\n\n"
      + "data: {\"choices\":[{\"delta\":{\"content\":\"y\"}}]}\n\n"
      + "data: [DONE]\n\n";

  /** Ollama's lines; the last one has no newline. */
  private static final String NDJSON = String.join("",
      "{\"message\":{\"content\":\"a\"},\"done\":false}\n",
      "{\"message\":{\"content\":\"b\"},\"done\":false}\n",
      "{\"done\":true,\"prompt_eval_count\":5,\"eval_count\":2}");

  private static Server server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
        new HTTP2CServerConnectionFactory(http));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new PiecewiseAnswers());
    server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "2"})
  void sseEventsReadTheSameWhereverTheChunksCutThem(String httpVersion) throws Exception {
    StatsSnapshot stats = run(httpVersion, """
        - {name: bytes, method: POST, path: /sse/1, stream: sse, json: {model: m}}
        - {name: threes, method: POST, path: /sse/3, stream: sse, json: {model: m}}
        - {name: sevens, method: POST, path: /sse/7, stream: sse, json: {model: m}}
        - {name: whole, method: POST, path: /sse/100000, stream: sse, json: {model: m}}
        """);

    assertThat(stats.failures()).isEmpty();
    for (String request : List.of("bytes", "threes", "sevens", "whole")) {
      LlmSummary answer = stats.llm().request(request);
      assertThat(answer.totals().requests()).as(request).isEqualTo(1);
      assertThat(answer.totals().outputTokens()).as(request).isEqualTo(4);
      assertThat(answer.totals().inputTokens()).as(request).isEqualTo(7);
      assertThat(answer.ttft().getTotalCount()).as(request).isEqualTo(1);
      assertThat(answer.interToken().getTotalCount()).as("gaps between 4 content events of "
          + request).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "2"})
  void longEventsAndUnterminatedLastLinesAreRead(String httpVersion) throws Exception {
    StatsSnapshot stats = run(httpVersion, """
        - {name: long, method: POST, path: /long/1000, stream: sse, json: {model: m}}
        - {name: lines, method: POST, path: /ndjson/5, stream: ndjson, json: {model: m}}
        """);

    assertThat(stats.failures()).isEmpty();
    LlmSummary longAnswer = stats.llm().request("long");
    assertThat(longAnswer.totals().outputTokens()).as("counted from content events").isEqualTo(2);
    assertThat(longAnswer.interToken().getTotalCount()).isEqualTo(1);
    LlmSummary lines = stats.llm().request("lines");
    assertThat(lines.totals().outputTokens()).isEqualTo(2);
    assertThat(lines.totals().inputTokens()).isEqualTo(5);
  }

  /** Runs the requests, YAML list items, once each in order as one user's one task. */
  private static StatsSnapshot run(String httpVersion, String requests) throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    URI base = URI.create("http://127.0.0.1:" + port);
    String yaml = "name: framing\ntarget: {baseUrl: " + base + ", http: \"" + httpVersion
        + "\"}\n"
        + "llm: {models: {m: {inputPerMillion: 1, outputPerMillion: 1}}}\n"
        + "load: {users: 1, iterations: 1}\n"
        + "scenarios:\n  - name: framing\n    tasks:\n      - name: all\n        requests:\n"
        + requests.indent(10);
    var document = new SpecLoader(Map.of()).loadTexts(
        List.of(Map.entry("framing.yaml", yaml)), List.of());
    TestPlan plan = new PlanCompiler(Map.of()).compile(document, Overrides.NONE, 1);
    RunOptions options = new RunOptions(Duration.ofMillis(200), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    return new LoadRunner(plan, base, options, RunListener.NONE).run(new RunControl()).stats();
  }

  /** {@code /{sse,long,ndjson}/N}: that answer in HTTP chunks of N bytes, each flushed. */
  private static final class PiecewiseAnswers extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws Exception {
      String[] path = Request.getPathInContext(request).split("/");
      String answer = switch (path[1]) {
        case "sse" -> SSE;
        case "long" -> LONG_SSE;
        default -> NDJSON;
      };
      int size = Integer.parseInt(path[2]);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE,
          path[1].equals("ndjson") ? "application/x-ndjson" : "text/event-stream");
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        for (int from = 0; from < bytes.length; from += size) {
          out.write(bytes, from, Math.min(size, bytes.length - from));
          out.flush();
        }
      }
      callback.succeeded();
      return true;
    }
  }
}
