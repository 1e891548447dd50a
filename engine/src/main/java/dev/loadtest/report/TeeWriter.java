package dev.loadtest.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes to the console and to {@code run.log} at once, so the log holds what the console
 * showed and can be followed with {@code tail -f}. If the log fails (a full disk), the console
 * goes on and the log stops. Not thread-safe on its own: wrap it in a {@code PrintWriter},
 * which locks.
 */
public final class TeeWriter extends Writer {

  private final Writer console;
  private Writer log;

  public TeeWriter(Writer console, Writer log) {
    this.console = console;
    this.log = log;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    console.write(buffer, offset, length);
    if (log != null) {
      try {
        log.write(buffer, offset, length);
      } catch (IOException e) {
        log = null;
      }
    }
  }

  @Override
  public void flush() throws IOException {
    console.flush();
    if (log != null) {
      try {
        log.flush();
      } catch (IOException e) {
        log = null;
      }
    }
  }

  /** Closes the log only: the console belongs to the caller. */
  @Override
  public void close() throws IOException {
    console.flush();
    if (log != null) {
      log.close();
      log = null;
    }
  }
}
