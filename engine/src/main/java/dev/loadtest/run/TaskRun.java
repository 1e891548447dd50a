package dev.loadtest.run;

import dev.loadtest.plan.Check;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.stats.FailureKind;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * One run of a task's steps for one user, driven by HTTP callbacks: each step starts when the
 * one before completes. Records every request and then hands control back through
 * {@code onDone}.
 *
 * <p>Latency: the first request counts from {@code originNanos} (the intended start in an open
 * model, so queueing and generator lag are part of what users saw); later requests count from
 * their own send. Where the origin precedes the send, the time on the wire is recorded apart as
 * service time.
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
  private long nextOriginNanos;
  private int nextStep;
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
    runNextStep();
  }

  private void runNextStep() {
    if (stopRequested.getAsBoolean() || nextStep >= task.steps().size()) {
      onDone.run();
      return;
    }
    Step step = task.steps().get(nextStep++);
    send((RequestPlan) step);
  }

  private void send(RequestPlan plan) {
    org.eclipse.jetty.client.Request request = run.requests.create(plan, scenario, user);
    long sentNanos = System.nanoTime();
    long originNanos = Math.min(nextOriginNanos, sentNanos);
    if (fromIntendedStart && nextOriginNanos != Long.MAX_VALUE) {
      run.stats.recordLag(sentNanos - nextOriginNanos);
    }
    nextOriginNanos = Long.MAX_VALUE;
    run.requestSent();
    run.stats.recordSent();
    sending = true;
    if (plan.llm().measured()) {
      request.send(new StreamingExchange(run, plan, originNanos,
          (result, body) -> completed(plan, originNanos, sentNanos, result, body)));
    } else if (plan.needsBody()) {
      request.send(new CheckedExchange(plan, originNanos, sentNanos));
    } else {
      request.send(result -> completed(plan, originNanos, sentNanos, result, Optional.empty()));
    }
    sending = false;
  }

  private void completed(RequestPlan plan, long originNanos, long sentNanos, Result result,
      Optional<BufferedResponse> body) {
    long endNanos = System.nanoTime();
    if (run.isRecording()) {
      if (originNanos < sentNanos) {
        run.stats.recordServiceTime(plan.statsKey(), endNanos - sentNanos);
      }
      record(plan, endNanos - originNanos, result, body);
    }
    run.requestDone();
    // A completion inside send() would recurse into the next send; hand it to the executor.
    if (sending) {
      run.executor.execute(this::runNextStep);
    } else {
      runNextStep();
    }
  }

  private void record(RequestPlan plan, long latencyNanos, Result result,
      Optional<BufferedResponse> body) {
    Response response = result.getResponse();
    if (result.isFailed() && (response == null || response.getStatus() <= 0
        || result.getResponseFailure() != null)) {
      Throwable failure = result.getFailure();
      fail(plan, latencyNanos, FailureClassifier.kindOf(failure),
          FailureClassifier.messageOf(failure));
      return;
    }
    int status = response.getStatus();
    run.stats.recordStatus(plan.statsKey(), status);
    if (!plan.expectStatus().contains(status)) {
      fail(plan, latencyNanos, FailureKind.STATUS,
          "HTTP " + status + (response.getReason() == null ? "" : " " + response.getReason()));
      return;
    }
    Optional<String> checkFailure = body.flatMap(facts -> firstFailure(plan, facts));
    if (checkFailure.isPresent()) {
      fail(plan, latencyNanos, FailureKind.CHECK, checkFailure.get());
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

  /** Keeps the body of a request whose checks read it. */
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
      Optional<BufferedResponse> body = result.getResponse() == null ? Optional.empty()
          : Optional.of(new BufferedResponse(result.getResponse().getStatus(),
              getContentAsString(StandardCharsets.UTF_8)));
      completed(plan, originNanos, sentNanos, result, body);
    }
  }

  @Override
  public String toString() {
    return "TaskRun[" + scenario.name() + "/" + task.name() + " step " + nextStep + " of "
        + task.steps().size() + "]";
  }
}
