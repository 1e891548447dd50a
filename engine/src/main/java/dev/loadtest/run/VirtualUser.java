package dev.loadtest.run;

import dev.loadtest.plan.Check;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.Step;
import dev.loadtest.plan.TaskPlan;
import dev.loadtest.stats.FailureKind;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * One virtual user of the closed model: a state machine driven by HTTP callbacks and the
 * scheduler, never a thread of its own. It picks a task by weight, sends its requests in order,
 * pauses for its think time, and repeats until told to stop.
 *
 * <p>Thread-safety: the user's state is touched by one thread at a time; each step is started
 * by the completion of the one before (a happens-before edge through the client or scheduler).
 * Only {@link #stop()} is called from elsewhere.
 */
final class VirtualUser {

  /** Bodies kept for checks are cut off here; a check on a larger body fails visibly. */
  private static final int MAX_CHECKED_BODY_BYTES = 16 * 1024 * 1024;

  private final RunContext run;
  private final ScenarioPlan scenario;
  private final UserContext context;
  private volatile boolean stopRequested;
  private volatile boolean sending;
  private TaskPlan task;
  private int nextStep;

  VirtualUser(RunContext run, ScenarioPlan scenario, long userId) {
    this.run = run;
    this.scenario = scenario;
    this.context = new UserContext(scenario, seedFor(run.seed, scenario.index(), userId), userId);
  }

  /** Distinct, reproducible random streams per scenario and user. */
  private static long seedFor(long seed, int scenarioIndex, long userId) {
    return seed ^ (scenarioIndex + 1) * 0x9E3779B97F4A7C15L ^ userId * 0xBF58476D1CE4E5B9L;
  }

  void start() {
    beginIteration();
  }

  /** Asks the user to stop after its current request; it sends nothing new. */
  void stop() {
    stopRequested = true;
  }

  private void beginIteration() {
    if (stopRequested) {
      return;
    }
    context.nextIteration();
    task = scenario.tasks().pick(context.random());
    nextStep = 0;
    runNextStep();
  }

  private void runNextStep() {
    if (stopRequested) {
      return;
    } else if (nextStep < task.steps().size()) {
      Step step = task.steps().get(nextStep++);
      send((RequestPlan) step);
    } else {
      think();
    }
  }

  private void think() {
    long pauseNanos = scenario.thinkTime().sampleNanos(context.random());
    if (pauseNanos <= 0) {
      beginIteration();
    } else {
      run.scheduler.schedule(this::beginIteration, pauseNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void send(RequestPlan plan) {
    org.eclipse.jetty.client.Request request = run.requests.create(plan, scenario, context);
    long startNanos = System.nanoTime();
    run.requestSent();
    sending = true;
    if (plan.needsBody()) {
      request.send(new CheckedExchange(plan, startNanos));
    } else {
      request.send(result -> completed(plan, startNanos, result, Optional.empty()));
    }
    sending = false;
  }

  private void completed(RequestPlan plan, long startNanos, Result result,
      Optional<BufferedResponse> body) {
    long latencyNanos = System.nanoTime() - startNanos;
    if (run.isRecording()) {
      record(plan, latencyNanos, result, body);
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
      run.stats.recordFailure(plan.statsKey(), latencyNanos, FailureClassifier.kindOf(failure),
          FailureClassifier.messageOf(failure));
      return;
    }
    int status = response.getStatus();
    run.stats.recordStatus(plan.statsKey(), status);
    if (!plan.expectStatus().contains(status)) {
      run.stats.recordFailure(plan.statsKey(), latencyNanos, FailureKind.STATUS,
          "HTTP " + status + (response.getReason() == null ? "" : " " + response.getReason()));
      return;
    }
    Optional<String> checkFailure = body.flatMap(facts -> firstFailure(plan, facts));
    if (checkFailure.isPresent()) {
      run.stats.recordFailure(plan.statsKey(), latencyNanos, FailureKind.CHECK,
          checkFailure.get());
    } else {
      run.stats.recordSuccess(plan.statsKey(), latencyNanos);
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
    private final long startNanos;

    CheckedExchange(RequestPlan plan, long startNanos) {
      super(MAX_CHECKED_BODY_BYTES);
      this.plan = plan;
      this.startNanos = startNanos;
    }

    @Override
    public void onComplete(Result result) {
      Optional<BufferedResponse> body = result.getResponse() == null ? Optional.empty()
          : Optional.of(new BufferedResponse(result.getResponse().getStatus(),
              getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
      completed(plan, startNanos, result, body);
    }
  }

  @Override
  public String toString() {
    return "VirtualUser[" + scenario.name() + " " + context.variable("userId") + ", task="
        + (task == null ? "-" : task.name()) + ", step=" + nextStep + ", stopRequested="
        + stopRequested + "]";
  }
}
