package dev.loadtest.run;

import dev.loadtest.stats.RunStats;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every virtual user of a run shares: where to record, how to build requests, the scheduler
 * for pauses, and the count of requests in flight. Thread-safe.
 */
final class RunContext {

  final RunStats stats;
  final RequestFactory requests;
  final ScheduledExecutorService scheduler;
  final Executor executor;
  final long seed;
  /** What the run's setup extracted; every user reads it. */
  final RunVariables runVariables = new RunVariables();
  final Feeders feeders;
  private final AtomicLong inFlight = new AtomicLong();
  private final Object drained = new Object();
  private volatile boolean recording = true;
  private volatile boolean draining;

  RunContext(RunStats stats, RequestFactory requests, ScheduledExecutorService scheduler,
      Executor executor, long seed) {
    this(stats, requests, scheduler, executor, seed, Feeders.NONE);
  }

  /** @param feeders the run's feeder cursors */
  RunContext(RunStats stats, RequestFactory requests, ScheduledExecutorService scheduler,
      Executor executor, long seed, Feeders feeders) {
    this.stats = stats;
    this.requests = requests;
    this.scheduler = scheduler;
    this.executor = executor;
    this.seed = seed;
    this.feeders = feeders;
  }

  /**
   * Holds the drain open while a user runs its onStop steps: between two of their requests
   * nothing is in flight, yet the run is not over.
   */
  void holdDrain() {
    inFlight.incrementAndGet();
  }

  /** Ends a {@link #holdDrain()}. */
  void releaseDrain() {
    requestDone();
  }

  /** Runs a task on the scheduler thread; after the run has ended there is nothing to do. */
  void onScheduler(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException runIsOver) {
      // The scheduler stops with the run; a late completion has nothing left to drive.
    }
  }

  /** False once the run has stopped recording: late completions are abandoned, not measured. */
  boolean isRecording() {
    return recording;
  }

  void requestSent() {
    inFlight.incrementAndGet();
  }

  void requestDone() {
    if (inFlight.decrementAndGet() == 0 && draining) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /**
   * Waits until no request is in flight or the grace period ends, then stops recording.
   *
   * @return requests still in flight, which will not be recorded
   */
  long drainAndStopRecording(long graceNanos) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + graceNanos;
    synchronized (drained) {
      long left;
      while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        drained.wait(Math.max(1, left / 1_000_000));
      }
    }
    recording = false;
    return inFlight.get();
  }

  @Override
  public String toString() {
    return "RunContext[inFlight=" + inFlight.get() + ", recording=" + recording + "]";
  }
}
