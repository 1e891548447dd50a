package dev.loadtest.run;

import dev.loadtest.plan.CacheRule;
import dev.loadtest.plan.LlmRequest;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.stats.FailureKind;
import dev.loadtest.stats.LlmMeasurement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * One LLM answer, read as it arrives: SSE events or NDJSON lines are cut out of the body's
 * buffers and scanned one by one ({@link LlmEventScanner}), so the body is never held whole.
 * The first content chunk fixes TTFT; each later one records its gap from the one before.
 * A non-streamed answer (one JSON document) is kept and scanned once complete.
 *
 * <p>When the exchange completes, a well-formed answer is recorded as an
 * {@link LlmMeasurement}; a malformed one turns into a failed {@link Result} carrying a
 * {@link MalformedStreamException}, which the task reports as a {@code stream} failure.
 *
 * <p>Thread-safety: Jetty delivers the callbacks of one exchange one at a time, in order.
 */
final class StreamingExchange implements Response.Listener {

  /** The task's completion path, with the result and the body kept for checks. */
  @FunctionalInterface
  interface Completion {
    void completed(Result result, Optional<BufferedResponse> body);
  }

  /** A line (SSE) or a whole body (non-streamed) larger than this is refused. */
  static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;
  private static final byte[] DONE_MARKER = "[DONE]".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_BYTES = new byte[0];

  /**
   * The arrays a thread cuts lines and gathers events in while it reads a chunk. A stream keeps
   * arrays of its own only for what it carries to its next chunk, a line or an event cut in
   * two: with ten thousand streams open, two arrays each were a tenth of the engine's heap.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    final byte[] line = new byte[16 * 1024];
    final byte[] event = new byte[4 * 1024];
  }

  private final RunContext run;
  private final RequestPlan plan;
  private final LlmRequest llm;
  private final long originNanos;
  private final Completion completion;
  private final LlmEventScanner scanner;
  private final StringBuilder keptBody;

  private final Runnable readWhenAvailable =
      Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::readAvailable);
  private Content.Source source;
  // Between chunks: null, or only what is carried over. A non-streamed body is kept in line.
  private byte[] line;
  private int lineLength;
  private byte[] event;
  private int eventLength;
  private boolean eventHasData;
  private boolean reading;

  private int events;
  private int contentChunks;
  private long firstContentNanos = -1;
  private long lastContentNanos;
  private boolean doneSeen;
  private boolean finished;
  private long promptTokens = -1;
  private long completionTokens = -1;
  private long cachedTokens = -1;
  private int cacheHit = -1;
  private String problem;

  StreamingExchange(RunContext run, RequestPlan plan, long originNanos, Completion completion) {
    this.run = run;
    this.plan = plan;
    this.llm = plan.llm();
    this.originNanos = originNanos;
    this.completion = completion;
    this.scanner = new LlmEventScanner(llm.model().isEmpty());
    this.keptBody = plan.needsBody() ? new StringBuilder() : null;
  }

  @Override
  public void onHeaders(Response response) {
    reading = plan.expectStatus().contains(response.getStatus());
    if (reading && llm.cacheRule() instanceof CacheRule.Header header) {
      cacheHit = header.isHit(response.getHeaders().get(header.name())) ? 1 : 0;
    }
  }

  /**
   * Reads the body by demand, on whichever thread Jetty signals it (often the selector): the
   * work per chunk never blocks, so declaring it non-blocking spares a hand-off to another
   * thread for every event, which would cost more than reading the event itself.
   */
  @Override
  public void onContentSource(Response response, Content.Source source) {
    this.source = source;
    readAvailable();
  }

  private void readAvailable() {
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(readWhenAvailable);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        // The exchange fails; onComplete reports it.
        return;
      }
      onContent(null, chunk.getByteBuffer());
      chunk.release();
      if (chunk.isLast()) {
        return;
      }
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    if (!reading || problem != null) {
      return;
    }
    if (llm.stream() == LlmRequest.StreamFormat.NONE) {
      append(content);
      return;
    }
    Scratch scratch = SCRATCH.get();
    borrow(scratch);
    try {
      cutLines(content);
    } finally {
      keepOnlyCarried(scratch);
    }
  }

  private void cutLines(ByteBuffer content) {
    while (content.hasRemaining() && problem == null) {
      if (lineLength == line.length && !grow()) {
        return;
      }
      // Copy what fits, then cut complete lines out of the array: no per-byte buffer calls.
      int scanFrom = lineLength;
      int copied = Math.min(content.remaining(), line.length - lineLength);
      content.get(line, lineLength, copied);
      lineLength += copied;
      int lineStart = 0;
      for (int at = scanFrom; at < lineLength && problem == null; at++) {
        if (line[at] == '\n') {
          endOfLine(lineStart, at);
          lineStart = at + 1;
        }
      }
      System.arraycopy(line, lineStart, line, 0, lineLength - lineStart);
      lineLength -= lineStart;
    }
  }

  /** Moves what the stream carries into the thread's arrays, when it fits there. */
  private void borrow(Scratch scratch) {
    line = intoScratch(line, lineLength, scratch.line);
    event = intoScratch(event, eventLength, scratch.event);
  }

  private static byte[] intoScratch(byte[] carried, int length, byte[] scratch) {
    if (carried == null) {
      return scratch;
    }
    if (length > scratch.length) {
      return carried;
    }
    System.arraycopy(carried, 0, scratch, 0, length);
    return scratch;
  }

  /** Gives the thread's arrays back, copying out what the next chunk continues. */
  private void keepOnlyCarried(Scratch scratch) {
    line = lineLength == 0 ? null
        : line == scratch.line ? Arrays.copyOf(line, lineLength) : line;
    event = !eventHasData ? null
        : event == scratch.event ? Arrays.copyOf(event, eventLength) : event;
  }

  /** Keeps the bytes of a non-streamed body, which is one JSON document. */
  private void append(ByteBuffer content) {
    int length = content.remaining();
    if (lineLength + length > MAX_EVENT_BYTES) {
      problem = "the body is larger than " + MAX_EVENT_BYTES + " bytes";
      return;
    }
    if (line == null) {
      line = new byte[Math.max(512, length)];
    } else if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    content.get(line, lineLength, length);
    lineLength += length;
  }

  private boolean grow() {
    if (line.length >= MAX_EVENT_BYTES) {
      problem = "a line of the stream is longer than " + MAX_EVENT_BYTES + " bytes";
      return false;
    }
    line = Arrays.copyOf(line, line.length * 2);
    return true;
  }

  /** Handles the line {@code line[from, to)}, its newline excluded. */
  private void endOfLine(int from, int to) {
    int end = to > from && line[to - 1] == '\r' ? to - 1 : to;
    if (llm.stream() == LlmRequest.StreamFormat.NDJSON) {
      if (!isBlank(line, from, end)) {
        onEvent(line, from, end);
      }
      return;
    }
    sseLine(from, end);
  }

  /** SSE: {@code data:} lines add to the event; a blank line dispatches it. */
  private void sseLine(int from, int to) {
    if (to == from) {
      dispatchSseEvent();
    } else if (startsWith(line, from, to, "data:")) {
      int dataFrom = to - from > 5 && line[from + 5] == ' ' ? from + 6 : from + 5;
      addEventData(dataFrom, to);
    }
    // Comments (":"), "event:", "id:" and "retry:" lines carry nothing the metrics need.
  }

  private void addEventData(int from, int to) {
    int needed = eventLength + (eventHasData ? 1 : 0) + to - from;
    if (needed > event.length) {
      event = Arrays.copyOf(event, Math.max(event.length * 2, needed));
    }
    if (eventHasData) {
      event[eventLength++] = '\n';
    }
    System.arraycopy(line, from, event, eventLength, to - from);
    eventLength += to - from;
    eventHasData = true;
  }

  private void dispatchSseEvent() {
    if (!eventHasData) {
      return;
    }
    int length = eventLength;
    eventLength = 0;
    eventHasData = false;
    if (length == DONE_MARKER.length && Arrays.equals(event, 0, length, DONE_MARKER, 0,
        length)) {
      doneSeen = true;
      return;
    }
    onEvent(event, 0, length);
  }

  private void onEvent(byte[] bytes, int from, int to) {
    long nowNanos = System.nanoTime();
    events++;
    String malformed = scanner.scan(bytes, from, to);
    if (malformed != null) {
      problem = "event " + events + " is not valid JSON (" + malformed + "): "
          + preview(bytes, from, to);
      return;
    }
    if (scanner.isError) {
      problem = "the server sent an error event: " + preview(bytes, from, to);
      return;
    }
    if (keptBody != null) {
      keptBody.append(new String(bytes, from, to - from, StandardCharsets.UTF_8)).append('\n');
    }
    takeUsage();
    checkCacheValue(bytes, from, to);
    if (scanner.hasContent) {
      onContentChunk(nowNanos);
    }
  }

  private void onContentChunk(long nowNanos) {
    contentChunks++;
    if (firstContentNanos < 0) {
      firstContentNanos = nowNanos;
    } else if (run.isRecording()) {
      run.stats.recordInterTokenGap(plan.statsKey(), nowNanos - lastContentNanos);
    }
    lastContentNanos = nowNanos;
  }

  private void takeUsage() {
    finished |= scanner.finished;
    promptTokens = scanner.promptTokens >= 0 ? scanner.promptTokens : promptTokens;
    completionTokens = scanner.completionTokens >= 0 ? scanner.completionTokens
        : completionTokens;
    cachedTokens = scanner.cachedTokens >= 0 ? scanner.cachedTokens : cachedTokens;
  }

  /** Only specs that name a JSON cache marker pay for a parse per event. */
  private void checkCacheValue(byte[] bytes, int from, int to) {
    if (llm.cacheRule() instanceof CacheRule.JsonValue rule && cacheHit < 1) {
      BufferedResponse parsed = new BufferedResponse(200,
          new String(bytes, from, to - from, StandardCharsets.UTF_8));
      boolean hit = parsed.json().flatMap(rule.path()::find)
          .map(node -> node.isString() ? node.stringValue() : node.toString())
          .filter(rule.expected()::equals).isPresent();
      cacheHit = hit ? 1 : 0;
    }
  }

  @Override
  public void onComplete(Result result) {
    long endNanos = System.nanoTime();
    Optional<BufferedResponse> body = Optional.empty();
    if (reading && llm.stream() == LlmRequest.StreamFormat.NONE && problem == null) {
      byte[] bytes = line == null ? NO_BYTES : line;
      body = Optional.of(new BufferedResponse(result.getResponse().getStatus(),
          new String(bytes, 0, lineLength, StandardCharsets.UTF_8)));
      onEvent(bytes, 0, lineLength);
    } else if (keptBody != null && result.getResponse() != null) {
      body = Optional.of(new BufferedResponse(result.getResponse().getStatus(),
          keptBody.toString()));
    }
    completion.completed(judge(result, endNanos), body);
  }

  /** The result as the task should see it: failed when the answer broke its format. */
  private Result judge(Result result, long endNanos) {
    if (!reading) {
      return result;
    }
    if (result.isFailed()) {
      // A timeout stays a timeout; a connection that broke mid-answer is a cut stream.
      return events == 0 || result.getResponseFailure() == null
          || FailureClassifier.kindOf(result.getFailure()) == FailureKind.TIMEOUT ? result
          : failed(result, "the stream was cut after " + events + " events"
              + (llm.stream() == LlmRequest.StreamFormat.SSE ? ", before data: [DONE]" : "")
              + ": " + FailureClassifier.messageOf(result.getFailure()));
    }
    if (llm.stream() != LlmRequest.StreamFormat.NONE) {
      endOfStream();
    }
    String reason = problem != null ? problem : incompleteness();
    if (reason != null) {
      return failed(result, reason);
    }
    if (run.isRecording()) {
      run.stats.recordLlm(plan.statsKey(), measurement(endNanos));
    }
    return result;
  }

  /** A last line without its newline still counts, and so does a last SSE event. */
  private void endOfStream() {
    Scratch scratch = SCRATCH.get();
    borrow(scratch);
    try {
      if (lineLength > 0) {
        endOfLine(0, lineLength);
        lineLength = 0;
      }
      if (llm.stream() == LlmRequest.StreamFormat.SSE) {
        dispatchSseEvent();
      }
    } finally {
      keepOnlyCarried(scratch);
    }
  }

  /** Why a well-formed answer is still not a whole one; null when it is. */
  private String incompleteness() {
    if (llm.stream() == LlmRequest.StreamFormat.SSE && !doneSeen) {
      return "the stream ended after " + events + " events without data: [DONE]";
    }
    if (llm.stream() == LlmRequest.StreamFormat.NDJSON && !finished) {
      return "the stream ended after " + events + " lines without a final done or"
          + " finish_reason";
    }
    if (contentChunks == 0 && completionTokens <= 0) {
      return llm.stream() == LlmRequest.StreamFormat.NONE ? "the answer has no content"
          : "the stream ended after " + events + " events without any content";
    }
    return null;
  }

  private LlmMeasurement measurement(long endNanos) {
    boolean fromUsage = completionTokens >= 0;
    long outputTokens = fromUsage ? completionTokens : contentChunks;
    long inputTokens = Math.max(0, promptTokens);
    long latencyNanos = endNanos - originNanos;
    boolean streamed = llm.stream() != LlmRequest.StreamFormat.NONE;
    long ttftNanos = streamed && firstContentNanos >= 0 ? firstContentNanos - originNanos : -1;
    long tpotNanos = ttftNanos >= 0 && outputTokens > 1
        ? (latencyNanos - ttftNanos) / (outputTokens - 1) : -1;
    String model = llm.model().isEmpty() ? scanner.model : llm.model();
    long cost = llm.priceOf(model).costPicoUsd(inputTokens, Math.max(0, cachedTokens),
        outputTokens);
    return new LlmMeasurement(ttftNanos, tpotNanos, latencyNanos, inputTokens, outputTokens,
        cachedTokens, fromUsage, cost, cacheHit,
        llm.scores().meetsObjectives(ttftNanos, tpotNanos, latencyNanos));
  }

  private static Result failed(Result result, String reason) {
    return new Result(result.getRequest(), result.getRequestFailure(), result.getResponse(),
        new MalformedStreamException(reason));
  }

  private static boolean startsWith(byte[] bytes, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The start of an event for a failure message: enough to recognise it, never a whole body. */
  private static String preview(byte[] bytes, int from, int to) {
    int length = Math.min(to - from, 80);
    String text = new String(bytes, from, length, StandardCharsets.UTF_8);
    return to - from > length ? text + "..." : text;
  }

  @Override
  public String toString() {
    return "StreamingExchange[" + plan.name() + " " + llm.stream() + ", events " + events
        + ", content chunks " + contentChunks + (problem == null ? "" : ", " + problem) + "]";
  }
}
