package dev.loadtest.cli;

/** The process exit codes of every loadtest command; {@code docs/exit-codes.md} lists them. */
public enum ExitCode {
  /** The run completed and every threshold passed (or validation succeeded). */
  PASSED(0),
  /** The run completed, or was stopped, and at least one threshold failed or aborted it. */
  THRESHOLDS_FAILED(1),
  /** The spec or the command line is invalid; nothing was sent. */
  INVALID_INPUT(2),
  /** The run could not start or was ended by an error: preflight, target, output directory. */
  COULD_NOT_RUN(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
