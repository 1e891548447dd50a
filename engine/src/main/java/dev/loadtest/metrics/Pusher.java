package dev.loadtest.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Pushes the metrics page at an interval on a thread of its own, so a slow gateway never holds
 * up the sampler, and once more at the end on the caller's thread. The first failure is
 * reported once; later ones are counted in its message. Thread-safe.
 */
final class Pusher implements AutoCloseable {

  private final PushgatewayClient client;
  private final long intervalNanos;
  private final Supplier<String> page;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "loadtest-push");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicBoolean failureReported = new AtomicBoolean();
  private long lastPushNanos = Long.MIN_VALUE;

  Pusher(PushgatewayClient client, Duration interval, Supplier<String> page) {
    this.client = client;
    this.intervalNanos = interval.toNanos();
    this.page = page;
  }

  /**
   * Starts a push in the background when the interval has passed. Called by the sampler thread.
   *
   * @return the first push failure, once
   */
  Optional<String> maybePush(long elapsedNanos) {
    if (lastPushNanos == Long.MIN_VALUE || elapsedNanos - lastPushNanos >= intervalNanos) {
      lastPushNanos = elapsedNanos;
      executor.execute(this::pushQuietly);
    }
    String failure = firstFailure.get();
    return failure != null && failureReported.compareAndSet(false, true)
        ? Optional.of(failure) : Optional.empty();
  }

  private void pushQuietly() {
    try {
      client.push(page.get());
    } catch (IOException e) {
      firstFailure.compareAndSet(null, message(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Pushes now on this thread, after earlier pushes; returns the failure, if any. */
  Optional<String> pushNow() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(PushgatewayClient.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    try {
      client.push(page.get());
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(message(e));
    }
  }

  private String message(IOException e) {
    return "could not push metrics to " + client.groupUri() + ": "
        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "Pusher[" + client + " every " + intervalNanos / 1_000_000 + " ms]";
  }
}
