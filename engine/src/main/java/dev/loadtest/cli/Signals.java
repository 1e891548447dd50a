package dev.loadtest.cli;

import dev.loadtest.run.RunControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Connects Ctrl-C and SIGTERM to a running test: the run stops sending, finishes what is in
 * flight, writes its results, and the process exits with the thresholds' code instead of the
 * signal's.
 */
interface Signals {

  /** Starts listening for the duration of a run. */
  Registration onInterrupt(RunControl control);

  /** A run's connection to the signals; closing it stops listening. */
  interface Registration extends AutoCloseable {
    /** The run has written its results; {@code exitCode} is what the process should return. */
    void finished(int exitCode);

    @Override
    void close();
  }

  /** No signal handling, for tests and embedding. */
  Signals NONE = control -> new Registration() {
    @Override
    public void finished(int exitCode) {}

    @Override
    public void close() {}
  };

  /**
   * Through a JVM shutdown hook. The hook interrupts the run and waits for its results; as the
   * JVM is already shutting down, it then halts with the run's exit code.
   */
  Signals JVM_SHUTDOWN_HOOK = control -> {
    CountDownLatch done = new CountDownLatch(1);
    int[] exitCode = {ExitCode.COULD_NOT_RUN.code()};
    Thread hook = new Thread(() -> {
      control.interrupt();
      try {
        // Interrupt grace plus time to write reports; a stuck run must not hang shutdown.
        if (done.await(60, TimeUnit.SECONDS)) {
          System.out.flush();
          Runtime.getRuntime().halt(exitCode[0]);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "loadtest-signal");
    Runtime.getRuntime().addShutdownHook(hook);
    return new Registration() {
      @Override
      public void finished(int code) {
        exitCode[0] = code;
        done.countDown();
      }

      @Override
      public void close() {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running: it owns the exit now.
        }
      }
    };
  };
}
