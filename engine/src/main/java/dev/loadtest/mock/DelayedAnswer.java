package dev.loadtest.mock;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads and discards a request's body, waits on the scheduler, then writes a JSON answer that
 * is decided only then (so a job created by the answer exists from the moment the client can
 * see its id). One object per request: it is both the body callback and the scheduled task.
 */
final class DelayedAnswer implements Callback, Runnable {

  /** A status and a JSON body. */
  record Answer(int status, byte[] body) {}

  private final Response response;
  private final Callback callback;
  private final Scheduler scheduler;
  private final OutcomeSequence.Draw draw;
  private final Supplier<Answer> answer;

  private DelayedAnswer(Response response, Callback callback, Scheduler scheduler,
      OutcomeSequence.Draw draw, Supplier<Answer> answer) {
    this.response = response;
    this.callback = callback;
    this.scheduler = scheduler;
    this.draw = draw;
    this.answer = answer;
  }

  /**
   * Answers after the draw's delay: with the draw's failure, or with what {@code answer} gives.
   */
  static void answer(Request request, Response response, Callback callback, Scheduler scheduler,
      OutcomeSequence.Draw draw, Supplier<Answer> answer) {
    Content.Source.consumeAll(request,
        new DelayedAnswer(response, callback, scheduler, draw, answer));
  }

  @Override
  public void succeeded() {
    if (draw.delayNanos() == 0) {
      run();
    } else {
      scheduler.schedule(this, draw.delayNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void failed(Throwable failure) {
    callback.failed(failure);
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public void run() {
    switch (draw.outcome()) {
      case OK -> {
        Answer ok = answer.get();
        JsonResponses.send(response, callback, ok.status(), ok.body());
      }
      case SERVER_ERROR -> JsonResponses.send(response, callback, 500, JsonBodies.SERVER_ERROR);
      case RATE_LIMITED -> {
        response.getHeaders().put(JsonResponses.RETRY_AFTER_ONE_SECOND);
        JsonResponses.send(response, callback, 429, JsonBodies.RATE_LIMITED);
      }
    }
  }
}
