package dev.loadtest.run;

/** The run could not start: preflight failed or the target cannot be reached. */
public final class RunFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  public RunFailedException(String message) {
    super(message);
  }

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
