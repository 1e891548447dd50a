package dev.loadtest.run;

import dev.loadtest.plan.Check;
import dev.loadtest.plan.ConditionalStep;
import dev.loadtest.plan.Extraction;
import dev.loadtest.plan.MetricRecording;
import dev.loadtest.plan.PollStep;
import dev.loadtest.plan.RateLimitPolicy;
import dev.loadtest.plan.RepeatStep;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.plan.ThinkStep;
import dev.loadtest.stats.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;

/**
 * One run of a task's steps for one user: a state machine driven by HTTP callbacks and the
 * scheduler, never a thread of its own. Each step starts when the one before completes; pauses,
 * poll intervals and waits before retries are tasks on the scheduler. Records every request and
 * then hands control back through {@code onDone}.
 *
 * <p>Nested steps (repeats, conditionals) run from a stack of frames, one per list of steps
 * being walked, so a flow of any shape needs no recursion across callbacks.
 *
 * <p>Latency: the first request counts from {@code originNanos} (the intended start in an open
 * model, so queueing and generator lag are part of what users saw); later requests count from
 * their own send. A request sent again after a 429 keeps its first send as its origin: the
 * user waited through the retries. Where the origin precedes the send, the time on the wire is
 * recorded apart as service time.
 *
 * <p>Thread-safety: touched by one thread at a time; each step follows the completion of the
 * one before.
 */
final class TaskRun {

  /** Bodies kept for checks are cut off here; a check on a larger body fails visibly. */
  private static final int MAX_CHECKED_BODY_BYTES = 16 * 1024 * 1024;

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final UserContext user;
  private final TaskPlan task;
  private final long expectedIntervalNanos;
  private final boolean fromIntendedStart;
  private final BooleanSupplier stopRequested;
  private final Runnable onDone;
  // Steps rarely nest deeper than a repeat in a conditional; the default 16 slots, live in
  // every open task, were a megabyte at 10,000 users.
  private final Deque<Frame> frames = new ArrayDeque<>(3);
  private long nextOriginNanos;
  private boolean retrying;
  private int retriesLeft;
  private PollStep poll;
  private long pollDeadlineNanos;
  private String firstFailure;
  private boolean done;
  private volatile boolean sending;

  /**
   * @param originNanos where the first request's latency starts ({@code System.nanoTime})
   * @param expectedIntervalNanos pacing interval for coordinated-omission correction, or 0
   * @param fromIntendedStart the origin is a scheduled start: how late the first request goes
   *     out is the generator's lag
   */
  TaskRun(RunContext run, ScenarioPlan scenario, UserContext user, TaskPlan task,
      long originNanos, long expectedIntervalNanos, boolean fromIntendedStart,
      BooleanSupplier stopRequested, Runnable onDone) {
    this.run = run;
    this.scenario = scenario;
    this.user = user;
    this.task = task;
    this.nextOriginNanos = originNanos;
    this.expectedIntervalNanos = expectedIntervalNanos;
    this.fromIntendedStart = fromIntendedStart;
    this.stopRequested = stopRequested;
    this.onDone = onDone;
  }

  void start() {
    frames.push(new Frame(task.steps(), null));
    runNextStep();
  }

  /** The first failure of this run as "request: message", or empty when every step passed. */
  Optional<String> failure() {
    return Optional.ofNullable(firstFailure);
  }

  /** Walks the steps until one has to wait for a response or a pause. */
  private void runNextStep() {
    while (true) {
      Frame frame = frames.peek();
      if (frame == null || stopRequested.getAsBoolean()
          || firstFailure != null && task.stopsOnFailure()) {
        finish();
        return;
      }
      if (frame.next >= frame.steps.size()) {
        if (!frame.startAnotherPass(user)) {
          frames.pop();
        }
        continue;
      }
      if (!begin(frame.steps.get(frame.next++))) {
        return;
      }
    }
  }

  /** Starts one step; false when it completes later, through a callback. */
  private boolean begin(Step step) {
    if (step instanceof RequestPlan request) {
      retriesLeft = request.handling().rateLimit().retries();
      send(request);
      return false;
    }
    if (step instanceof ThinkStep think) {
      return !pause(think.pause().sampleNanos(user.random()));
    }
    if (step instanceof PollStep pollStep) {
      poll = pollStep;
      pollDeadlineNanos = System.nanoTime() + pollStep.timeout().toNanos();
      retriesLeft = pollStep.request().handling().rateLimit().retries();
      send(pollStep.request());
      return false;
    }
    if (step instanceof RepeatStep repeat) {
      Frame loop = new Frame(repeat.steps(), repeat);
      if (loop.mayRun(user)) {
        frames.push(loop);
      }
      return true;
    }
    ConditionalStep branch = (ConditionalStep) step;
    frames.push(new Frame(branch.condition().holds(user) ? branch.then() : branch.otherwise(),
        null));
    return true;
  }

  /** Schedules the next step; false when there is no pause to wait for. */
  private boolean pause(long pauseNanos) {
    return later(this::runNextStep, pauseNanos);
  }

  private boolean later(Runnable next, long delayNanos) {
    if (delayNanos <= 0) {
      return false;
    }
    try {
      run.scheduler.schedule(next, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException runIsOver) {
      // The scheduler stops with the run: nothing is left to wait for.
      finish();
    }
    return true;
  }

  private void finish() {
    if (!done) {
      done = true;
      onDone.run();
    }
  }

  private void send(RequestPlan plan) {
    org.eclipse.jetty.client.Request request = run.requests.create(plan, scenario, user);
    long sentNanos = System.nanoTime();
    long originNanos = Math.min(nextOriginNanos, sentNanos);
    if (fromIntendedStart && nextOriginNanos != Long.MAX_VALUE && !retrying) {
      run.stats.recordLag(sentNanos - nextOriginNanos);
    }
    nextOriginNanos = Long.MAX_VALUE;
    retrying = false;
    run.requestSent();
    run.stats.recordSent();
    sending = true;
    if (plan.llm().measured()) {
      request.send(new StreamingExchange(run, plan, originNanos,
          (result, body) -> completed(plan, originNanos, sentNanos, result, body)));
    } else if (plan.needsBody() || poll != null) {
      request.send(new CheckedExchange(plan, originNanos, sentNanos));
    } else {
      request.send(result -> completed(plan, originNanos, sentNanos, result, Optional.empty()));
    }
    sending = false;
  }

  private void completed(RequestPlan plan, long originNanos, long sentNanos, Result result,
      Optional<BufferedResponse> body) {
    long endNanos = System.nanoTime();
    Runnable next = this::runNextStep;
    if (isRetriable429(result)) {
      next = retryAfter(plan, originNanos, result.getResponse());
    } else {
      Verdict verdict = judge(plan, result, body);
      if (run.isRecording()) {
        if (originNanos < sentNanos) {
          run.stats.recordServiceTime(plan.statsKey(), endNanos - sentNanos);
        }
        record(plan, endNanos - originNanos, verdict);
      }
      next = afterVerdict(plan, verdict);
    }
    run.requestDone();
    // A completion inside send() would recurse into the next send; hand it to the executor.
    if (sending) {
      run.executor.execute(next);
    } else {
      next.run();
    }
  }

  private boolean isRetriable429(Result result) {
    Response response = result.getResponse();
    return retriesLeft > 0 && response != null && response.getStatus() == 429
        && result.getResponseFailure() == null && !stopRequested.getAsBoolean();
  }

  /** Counts the 429 and sends the request again once the wait the server asked for is over. */
  private Runnable retryAfter(RequestPlan plan, long originNanos, Response response) {
    retriesLeft--;
    RateLimitPolicy policy = plan.handling().rateLimit();
    Duration wait = RetryAfter.waitFor(response.getHeaders().get("Retry-After"),
        RateLimitPolicy.DEFAULT_WAIT, policy.maxWait(), Instant.now());
    if (run.isRecording()) {
      run.stats.recordStatus(plan.statsKey(), 429);
      run.stats.recordFailureOnly(plan.statsKey(), FailureKind.RATE_LIMITED,
          "HTTP 429, sent again (not counted as a failure)");
    }
    return () -> {
      nextOriginNanos = originNanos;
      retrying = true;
      if (!later(() -> send(plan), wait.toNanos())) {
        send(plan);
      }
    };
  }

  /** What follows a recorded response: the next poll, or the next step. */
  private Runnable afterVerdict(RequestPlan plan, Verdict verdict) {
    if (verdict.failed()) {
      poll = null;
      if (firstFailure == null) {
        firstFailure = plan.name() + ": " + verdict.message();
      }
      return this::runNextStep;
    }
    if (poll != null && !verdict.pollOver()) {
      long intervalNanos = poll.interval().toNanos();
      RequestPlan again = poll.request();
      return () -> {
        retriesLeft = again.handling().rateLimit().retries();
        if (!later(() -> sendUnlessStopped(again), intervalNanos)) {
          sendUnlessStopped(again);
        }
      };
    }
    poll = null;
    return this::runNextStep;
  }

  private void sendUnlessStopped(RequestPlan plan) {
    if (stopRequested.getAsBoolean()) {
      finish();
    } else {
      send(plan);
    }
  }

  /**
   * How a response counts. Extractions run only on a success that ends its step, and a failed
   * extraction turns the success into a failure: later steps would use an empty value. Custom
   * metrics are recorded from every success.
   */
  private Verdict judge(RequestPlan plan, Result result, Optional<BufferedResponse> body) {
    Response response = result.getResponse();
    if (result.isFailed() && (response == null || response.getStatus() <= 0
        || result.getResponseFailure() != null)) {
      Throwable failure = result.getFailure();
      return Verdict.failure(FailureClassifier.kindOf(failure),
          FailureClassifier.messageOf(failure));
    }
    int status = response.getStatus();
    run.stats.recordStatus(plan.statsKey(), status);
    if (status == 429 && !plan.expectStatus().contains(status)) {
      return plan.handling().rateLimit().countAsSuccess() ? Verdict.RATE_LIMITED_SUCCESS
          : Verdict.failure(FailureKind.RATE_LIMITED, "HTTP 429 Too Many Requests");
    }
    if (!plan.expectStatus().contains(status)) {
      return Verdict.failure(FailureKind.STATUS,
          "HTTP " + status + (response.getReason() == null ? "" : " " + response.getReason()));
    }
    Optional<String> checkFailure = body.flatMap(facts -> firstFailure(plan, facts));
    if (checkFailure.isPresent()) {
      return Verdict.failure(FailureKind.CHECK, checkFailure.get());
    }
    BufferedResponse facts = body.orElseGet(() -> new BufferedResponse(status, "",
        headersOf(plan, response)));
    return afterChecks(plan, facts);
  }

  private Verdict afterChecks(RequestPlan plan, BufferedResponse facts) {
    if (poll != null && !poll.until().holds(facts)) {
      if (System.nanoTime() + poll.interval().toNanos() - pollDeadlineNanos <= 0) {
        recordMetrics(plan, facts);
        return Verdict.POLL_GOES_ON;
      }
      return Verdict.failure(FailureKind.TIMEOUT, "poll gave up after "
          + dev.loadtest.spec.Quantities.formatDuration(poll.timeout()) + ": "
          + poll.until().path().source() + " is "
          + poll.until().valueIn(facts).map(v -> "'" + v + "'").orElse("missing")
          + ", waiting for " + poll.until().describe());
    }
    for (Extraction extraction : plan.handling().extractions()) {
      Optional<String> value = extraction.from(facts);
      if (value.isEmpty()) {
        return Verdict.failure(FailureKind.CHECK, extraction.missing());
      }
      user.set(extraction.variable(), value.get());
    }
    recordMetrics(plan, facts);
    return Verdict.SUCCESS;
  }

  /**
   * Records the custom metrics of a response that counts as a success, a poll's answers on the
   * way included. A value the response lacks is counted as missing; the request still succeeds.
   */
  private void recordMetrics(RequestPlan plan, BufferedResponse facts) {
    if (!run.isRecording()) {
      return;
    }
    for (MetricRecording recording : plan.handling().metrics()) {
      Optional<Double> value = recording.value().from(facts);
      if (value.isPresent()) {
        run.stats.recordCustom(recording.series().key(), value.get());
      } else {
        run.stats.recordCustomMissing(recording.series().key());
      }
    }
  }

  private void record(RequestPlan plan, long latencyNanos, Verdict verdict) {
    if (verdict.rateLimited()) {
      run.stats.recordFailureOnly(plan.statsKey(), FailureKind.RATE_LIMITED,
          "HTTP 429, counted as a success (rateLimited: success)");
    }
    if (verdict.failed()) {
      fail(plan, latencyNanos, verdict.kind(), verdict.message());
    } else if (expectedIntervalNanos > 0) {
      run.stats.recordCorrected(plan.statsKey(), latencyNanos, expectedIntervalNanos, false);
    } else {
      run.stats.recordSuccess(plan.statsKey(), latencyNanos);
    }
  }

  private void fail(RequestPlan plan, long latencyNanos, FailureKind kind, String message) {
    if (expectedIntervalNanos > 0) {
      run.stats.recordCorrected(plan.statsKey(), latencyNanos, expectedIntervalNanos, true);
      run.stats.recordFailureOnly(plan.statsKey(), kind, message);
    } else {
      run.stats.recordFailure(plan.statsKey(), latencyNanos, kind, message);
    }
  }

  private static Optional<String> firstFailure(RequestPlan plan, BufferedResponse response) {
    for (Check check : plan.checks()) {
      Optional<String> failure = check.failure(response);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  /**
   * How a response counted.
   *
   * @param kind the failure's kind, or null for a success
   * @param message the failure's message, or null
   * @param pollOver false for a poll response whose condition does not hold yet
   * @param rateLimited a 429 that counts as a success
   */
  private record Verdict(FailureKind kind, String message, boolean pollOver,
      boolean rateLimited) {
    static final Verdict SUCCESS = new Verdict(null, null, true, false);
    static final Verdict POLL_GOES_ON = new Verdict(null, null, false, false);
    static final Verdict RATE_LIMITED_SUCCESS = new Verdict(null, null, true, true);

    static Verdict failure(FailureKind kind, String message) {
      return new Verdict(kind, message, true, false);
    }

    boolean failed() {
      return kind != null;
    }
  }

  /**
   * A list of steps being walked. For a repeat, also the passes made so far.
   *
   * <p>Limitation: a repeat's or a branch's steps extract into the same variables on every
   * pass; there is no per-pass scope.
   */
  private static final class Frame {
    final List<Step> steps;
    final RepeatStep repeat;
    int next;
    int passes;

    Frame(List<Step> steps, RepeatStep repeat) {
      this.steps = steps;
      this.repeat = repeat;
    }

    /** For a repeat, whether its first pass runs at all. */
    boolean mayRun(UserContext user) {
      return repeat.times() > 0 && repeat.whileHolds().map(c -> c.holds(user)).orElse(true);
    }

    /** At the end of the steps: true, and back to the first step, when a repeat goes on. */
    boolean startAnotherPass(UserContext user) {
      if (repeat == null) {
        return false;
      }
      passes++;
      if (passes >= repeat.times() || !repeat.whileHolds().map(c -> c.holds(user)).orElse(true)) {
        return false;
      }
      next = 0;
      return true;
    }
  }

  /** Keeps the body of a request whose checks or extractions read it. */
  private final class CheckedExchange extends BufferingResponseListener {
    private final RequestPlan plan;
    private final long originNanos;
    private final long sentNanos;

    CheckedExchange(RequestPlan plan, long originNanos, long sentNanos) {
      super(MAX_CHECKED_BODY_BYTES);
      this.plan = plan;
      this.originNanos = originNanos;
      this.sentNanos = sentNanos;
    }

    @Override
    public void onComplete(Result result) {
      Response response = result.getResponse();
      Optional<BufferedResponse> body = response == null ? Optional.empty()
          : Optional.of(new BufferedResponse(response.getStatus(),
              getContentAsString(StandardCharsets.UTF_8), headersOf(plan, response)));
      completed(plan, originNanos, sentNanos, result, body);
    }
  }

  /** The response's headers when an extraction or a metric may read them; a copy costs. */
  private static HttpFields headersOf(RequestPlan plan, Response response) {
    return plan.handling().needsHeaders() ? response.getHeaders().asImmutable()
        : HttpFields.EMPTY;
  }

  @Override
  public String toString() {
    return "TaskRun[" + scenario.name() + "/" + task.name() + ", depth " + frames.size()
        + (poll == null ? "" : ", polling") + (firstFailure == null ? "" : ", failed") + "]";
  }
}
