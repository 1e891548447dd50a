package dev.loadtest.mock;

import dev.loadtest.plan.LlmMockSettings;
import dev.loadtest.plan.MockSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}, OpenAI-compatible: streamed as SSE when the body says
 * {@code "stream": true} (with a usage chunk when {@code stream_options.include_usage}), else
 * one JSON answer, both with {@code usage}. Timing, length and cache hits follow
 * {@link LlmMockSettings}; errors, 429s and stalls the mock's general settings.
 *
 * <p>Each stream is one object that the scheduler wakes for each chunk: no thread waits for a
 * stream, and chunk bytes are encoded once per model name.
 *
 * <p>Tests can ask for a broken answer with the header {@code X-Mock-Fault}: {@code cut} drops
 * the connection halfway, {@code bad-json} sends an event that is not JSON, {@code no-content}
 * streams no content at all.
 *
 * <p>Thread-safe: shared state is counters and the chunk cache.
 */
final class ChatCompletionsRoute implements MockRoute {

  static final String PATH = "/v1/chat/completions";
  static final String FAULT_HEADER = "X-Mock-Fault";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final PreEncodedHttpField EVENT_STREAM =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/event-stream");
  private static final PreEncodedHttpField CACHE_HIT = new PreEncodedHttpField("X-Cache", "HIT");
  private static final PreEncodedHttpField CACHE_MISS =
      new PreEncodedHttpField("X-Cache", "MISS");
  private static final byte[] NOT_JSON = ("{\"error\":{\"message\":\"the body is not JSON\","
      + "\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.US_ASCII);
  /** Distinct model names whose chunks are kept encoded; others share the default's. */
  private static final int MAX_CACHED_MODELS = 16;

  private final MockSettings settings;
  private final LlmMockSettings llm;
  private final OutcomeSequence outcomes;
  private final Scheduler scheduler;
  private final long seedBase;
  private final long startNanos = System.nanoTime();
  private final AtomicLong nextSequence = new AtomicLong();
  private final Map<String, ChatChunks> chunksByModel = new ConcurrentHashMap<>();
  private final ChatChunks defaultChunks;
  private final LongAdder answers = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder activeStreams = new LongAdder();
  private final LongAdder streamedTokens = new LongAdder();

  ChatCompletionsRoute(MockSettings settings, OutcomeSequence outcomes, Scheduler scheduler) {
    this.settings = settings;
    this.llm = settings.llm();
    this.outcomes = outcomes;
    this.scheduler = scheduler;
    this.seedBase = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL).nextLong();
    this.defaultChunks = new ChatChunks(llm.model());
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    long sequence = nextSequence.getAndIncrement();
    // TTFT counts from arrival: reading and parsing the body are part of the simulated wait.
    long arrivalNanos = System.nanoTime();
    String fault = request.getHeaders().get(FAULT_HEADER);
    Content.Source.asString(request, StandardCharsets.UTF_8, new Promise<>() {
      @Override
      public void succeeded(String body) {
        answer(sequence, arrivalNanos, body, fault, response, callback);
      }

      @Override
      public void failed(Throwable failure) {
        callback.failed(failure);
      }
    });
  }

  private void answer(long sequence, long arrivalNanos, String body, String fault,
      Response response, Callback callback) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (RuntimeException notJson) {
      JsonResponses.send(response, callback, 400, NOT_JSON);
      return;
    }
    Plan plan = plan(sequence, arrivalNanos, json, fault);
    switch (outcomes.draw(sequence).outcome()) {
      case RATE_LIMITED -> {
        response.getHeaders().put(JsonResponses.RETRY_AFTER_ONE_SECOND);
        JsonResponses.send(response, callback, 429, JsonBodies.RATE_LIMITED);
      }
      case SERVER_ERROR -> scheduler.schedule(() -> JsonResponses.send(response, callback, 500,
          JsonBodies.SERVER_ERROR), plan.delayUntil(plan.firstTokenNanos()),
          TimeUnit.NANOSECONDS);
      case OK -> start(plan, response, callback);
    }
  }

  private void start(Plan plan, Response response, Callback callback) {
    answers.increment();
    if (plan.cacheHit) {
      cacheHits.increment();
    }
    response.getHeaders().put(plan.cacheHit ? CACHE_HIT : CACHE_MISS);
    if (plan.stream) {
      response.getHeaders().put(EVENT_STREAM);
      activeStreams.increment();
      new ChatStream(plan, response, callback).begin();
    } else {
      long doneNanos = plan.firstTokenNanos() + (plan.outputTokens - 1) * plan.gapNanos;
      scheduler.schedule(() -> JsonResponses.send(response, callback, 200,
          plan.chunks.completion(plan.promptTokens, plan.outputTokens, plan.cachedTokens())),
          plan.delayUntil(doneNanos) + stallNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Everything decided about one answer before its first byte. */
  private Plan plan(long sequence, long arrivalNanos, JsonNode json, String fault) {
    SplittableRandom random = new SplittableRandom(seedBase + sequence);
    long ttftNanos = Math.max(0, llm.ttft().sampleNanos(random));
    int span = llm.maxOutputTokens() - llm.minOutputTokens();
    int outputTokens = llm.minOutputTokens() + (span == 0 ? 0 : random.nextInt(span + 1));
    JsonNode maxTokens = json.path("max_completion_tokens").isMissingNode()
        ? json.path("max_tokens") : json.path("max_completion_tokens");
    if (maxTokens.isNumber() && maxTokens.asInt() > 0) {
      outputTokens = Math.min(outputTokens, maxTokens.asInt());
    }
    boolean cacheHit = random.nextDouble() < llm.cacheHitRate();
    // About four characters per token, as a tokenizer of English text would give.
    int promptTokens = Math.max(1, json.path("messages").toString().length() / 4);
    return new Plan(chunks(json.path("model").asString("")), json.path("stream").asBoolean(false),
        json.path("stream_options").path("include_usage").asBoolean(false), arrivalNanos,
        ttftNanos,
        llm.interTokenNanos(), outputTokens, promptTokens, cacheHit,
        fault == null ? "" : fault);
  }

  private ChatChunks chunks(String model) {
    if (model.isEmpty() || model.equals(llm.model())) {
      return defaultChunks;
    }
    ChatChunks cached = chunksByModel.get(model);
    if (cached != null) {
      return cached;
    }
    return chunksByModel.size() >= MAX_CACHED_MODELS ? defaultChunks
        : chunksByModel.computeIfAbsent(model, ChatChunks::new);
  }

  private long stallNanos() {
    return settings.stall().extraDelayNanos(System.nanoTime() - startNanos);
  }

  /** Answers sent 200 so far. */
  long answers() {
    return answers.sum();
  }

  /** Answers marked as cache hits so far. */
  long cacheHits() {
    return cacheHits.sum();
  }

  /** Streams started and not yet ended. */
  long activeStreams() {
    return activeStreams.sum();
  }

  /** Content chunks (tokens) written into streams so far, a rate to measure clients by. */
  long streamedTokens() {
    return streamedTokens.sum();
  }

  /**
   * One answer's shape.
   *
   * @param arrivalNanos when the request arrived ({@code System.nanoTime})
   */
  private record Plan(ChatChunks chunks, boolean stream, boolean includeUsage,
      long arrivalNanos, long ttftNanos, long gapNanos, int outputTokens, int promptTokens,
      boolean cacheHit, String fault) {
    int cachedTokens() {
      return cacheHit ? promptTokens : 0;
    }

    /** When the first content chunk is due, on the {@code System.nanoTime} clock. */
    long firstTokenNanos() {
      return arrivalNanos + ttftNanos;
    }

    /** The wait from now until {@code dueNanos}, never negative. */
    long delayUntil(long dueNanos) {
      return Math.max(0, dueNanos - System.nanoTime());
    }
  }

  /**
   * One streamed answer. It is its own scheduled task and its own write callback: each write
   * that completes schedules the next chunk at its due time, so a stream costs one object and
   * holds no thread between chunks.
   */
  private final class ChatStream implements Runnable, Callback {
    private final Plan plan;
    private final Response response;
    private final Callback done;
    private final long firstDueNanos;
    private long shiftNanos;
    private int sent;

    ChatStream(Plan plan, Response response, Callback done) {
      this.plan = plan;
      this.response = response;
      this.done = done;
      this.firstDueNanos = plan.firstTokenNanos();
    }

    /** The role chunk goes at once, as real servers send it: it must not count as a token. */
    void begin() {
      response.setStatus(200);
      sent = -1;
      response.write(false, ByteBuffer.wrap(plan.chunks.role), this);
    }

    @Override
    public void run() {
      if (plan.fault.equals("cut") && sent == plan.outputTokens / 2) {
        finish();
        done.failed(new java.io.IOException("the mock cut the stream, as asked"));
        return;
      }
      byte[] chunk = plan.fault.equals("bad-json") && sent == plan.outputTokens / 2
          ? ChatChunks.BAD_JSON : plan.chunks.content[sent % ChatChunks.WORDS.length];
      response.write(false, ByteBuffer.wrap(chunk), this);
    }

    /** A chunk went out: schedule the next one, or end the answer. */
    @Override
    public void succeeded() {
      if (sent >= 0) {
        streamedTokens.increment();
      }
      sent++;
      int contentChunks = plan.fault.equals("no-content") ? 0 : plan.outputTokens;
      if (sent < contentChunks) {
        long dueNanos = firstDueNanos + shiftNanos + sent * plan.gapNanos;
        long stall = stallNanos();
        shiftNanos += stall;
        scheduler.schedule(this, Math.max(0, dueNanos - System.nanoTime()) + stall,
            TimeUnit.NANOSECONDS);
        return;
      }
      finish();
      response.write(true, ByteBuffer.wrap(plan.chunks.tail(plan.includeUsage,
          plan.promptTokens, contentChunks, plan.cachedTokens())), done);
    }

    @Override
    public void failed(Throwable failure) {
      finish();
      done.failed(failure);
    }

    private void finish() {
      activeStreams.decrement();
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }
  }

  @Override
  public String toString() {
    return "ChatCompletionsRoute{answers " + answers.sum() + ", streaming "
        + activeStreams.sum() + ", " + llm.describe() + "}";
  }
}
