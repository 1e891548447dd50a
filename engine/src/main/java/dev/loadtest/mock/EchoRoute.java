package dev.loadtest.mock;

import dev.loadtest.plan.MockSettings;
import java.util.concurrent.atomic.AtomicLong;
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
 * requests hold no threads ({@link DelayedAnswer}). A stall is decided on arrival.
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
    OutcomeSequence.Draw draw = outcomes.draw(sequence);
    long delayNanos = draw.delayNanos() + stall.extraDelayNanos(System.nanoTime() - startNanos);
    DelayedAnswer.answer(request, response, callback, scheduler,
        new OutcomeSequence.Draw(draw.outcome(), delayNanos),
        () -> new DelayedAnswer.Answer(200,
            JsonBodies.echo(MockRouter.pathOf(request), request.getMethod(), sequence)));
  }

  @Override
  public String toString() {
    return "EchoRoute{seen " + nextSequence.get() + ", " + outcomes + "}";
  }
}
