package dev.loadtest.report;

import dev.loadtest.run.ProgressReport;
import dev.loadtest.run.RunListener;
import dev.loadtest.stats.Interval;
import java.util.List;

/**
 * Passes every event to several listeners, in order. A listener that throws does not keep the
 * others from hearing the event. Thread-safe if its listeners are.
 */
public final class CompositeRunListener implements RunListener {

  private final List<RunListener> listeners;

  public CompositeRunListener(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onLoadStart(java.time.Instant startedAt) {
    each(listener -> listener.onLoadStart(startedAt));
  }

  @Override
  public void onProgress(ProgressReport report) {
    each(listener -> listener.onProgress(report));
  }

  @Override
  public void onInterval(Interval interval) {
    each(listener -> listener.onInterval(interval));
  }

  @Override
  public void onWarning(String message) {
    each(listener -> listener.onWarning(message));
  }

  @Override
  public void onGeneratorSaturated(String message) {
    each(listener -> listener.onGeneratorSaturated(message));
  }

  private void each(java.util.function.Consumer<RunListener> event) {
    RuntimeException first = null;
    for (RunListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "CompositeRunListener" + listeners;
  }
}
