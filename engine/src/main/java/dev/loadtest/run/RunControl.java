package dev.loadtest.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a run early from outside (a signal handler) or inside (a failing abort threshold).
 * Thread-safe; the first reason to stop wins.
 */
public final class RunControl {

  /** Why the load stopped. */
  public enum StopReason { COMPLETED, INTERRUPTED, ABORTED }

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<StopReason> reason = new AtomicReference<>();
  private volatile String abortMessage = "";

  /** Stops the run as if the user pressed Ctrl-C. */
  public void interrupt() {
    stop(StopReason.INTERRUPTED);
  }

  void abort(String message) {
    abortMessage = message;
    stop(StopReason.ABORTED);
  }

  void complete() {
    stop(StopReason.COMPLETED);
  }

  private void stop(StopReason why) {
    if (reason.compareAndSet(null, why)) {
      stopped.countDown();
    }
  }

  /** Waits for a reason to stop, at most the given time; returns it, or COMPLETED on timeout. */
  StopReason await(long timeoutNanos) throws InterruptedException {
    if (!stopped.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
      complete();
    }
    return reason.get();
  }

  /** Waits at most the given time for a reason to stop; true when one came. */
  boolean awaitStopWithin(long timeoutNanos) throws InterruptedException {
    return stopped.await(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  String abortMessage() {
    return abortMessage;
  }

  @Override
  public String toString() {
    return "RunControl[" + (reason.get() == null ? "running" : reason.get()) + "]";
  }
}
