package dev.loadtest.mock;

import dev.loadtest.plan.MockSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The default route, for any path and method: reads and discards the request body, waits the
 * drawn delay, then answers 200 with an echo of path, method and sequence number, or 500 or 429
 * at the configured rates. Every outcome, failures included, waits its delay, as a real service
 * fails after doing some work.
 *
 * <p>The delay is a task on the scheduler, not a sleeping thread, so ten thousand waiting
 * requests hold no threads. The delay starts once the whole request body has arrived.
 *
 * <p>Thread-safe: the only shared state is the sequence counter.
 */
final class EchoRoute implements MockRoute {

  private final OutcomeSequence outcomes;
  private final Scheduler scheduler;
  private final AtomicLong nextSequence = new AtomicLong();
  private final MockSettings.Stall stall;
  private final long startNanos = System.nanoTime();

  EchoRoute(OutcomeSequence outcomes, Scheduler scheduler, MockSettings.Stall stall) {
    this.outcomes = outcomes;
    this.scheduler = scheduler;
    this.stall = stall;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    // The sequence number is taken on arrival, so /health and body upload times do not shift it.
    long sequence = nextSequence.getAndIncrement();
    PendingAnswer answer =
        new PendingAnswer(request, response, callback, sequence, outcomes.draw(sequence));
    Content.Source.consumeAll(request, answer);
  }

  @Override
  public String toString() {
    return "EchoRoute{seen " + nextSequence.get() + ", " + outcomes + "}";
  }

  /**
   * One request between arrival and answer. It is both the callback for "body consumed" and the
   * scheduled task, so a request costs one object here rather than a chain of lambdas.
   *
   * <p>Limitation: a request whose client has gone away still waits out its delay on the
   * scheduler before its answer is written and discarded.
   */
  private final class PendingAnswer implements Callback, Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long sequence;
    private final OutcomeSequence.Draw draw;

    PendingAnswer(Request request, Response response, Callback callback, long sequence,
        OutcomeSequence.Draw draw) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.sequence = sequence;
      this.draw = draw;
    }

    /** The body has been read in full: start the delay. */
    @Override
    public void succeeded() {
      long delayNanos = draw.delayNanos() + stall.extraDelayNanos(System.nanoTime() - startNanos);
      if (delayNanos == 0) {
        run();
      } else {
        scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void failed(Throwable failure) {
      callback.failed(failure);
    }

    /** Neither completing the read nor scheduling blocks, so Jetty need not dispatch us. */
    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    /** The delay is over: answer. Runs on a scheduler thread; writes do not block. */
    @Override
    public void run() {
      switch (draw.outcome()) {
        case OK -> JsonResponses.send(response, callback, 200, echoBody());
        case SERVER_ERROR -> JsonResponses.send(response, callback, 500, JsonBodies.SERVER_ERROR);
        case RATE_LIMITED -> {
          response.getHeaders().put(JsonResponses.RETRY_AFTER_ONE_SECOND);
          JsonResponses.send(response, callback, 429, JsonBodies.RATE_LIMITED);
        }
      }
    }

    private byte[] echoBody() {
      return JsonBodies.echo(MockRouter.pathOf(request), request.getMethod(), sequence);
    }
  }
}
